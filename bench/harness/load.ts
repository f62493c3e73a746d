import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';

/** One request of a phase. Times are `performance.now()` of this process, in ms. */
export interface RequestSample {
  n: number;
  email: string;
  /** When the open-loop schedule said this request starts: latencies count from here (no coordinated omission). */
  scheduledAt: number;
  sentAt: number;
  doneAt: number;
  status: number;
  /** The registration id of a 201. */
  id?: string;
  /** `confirmed`, `waitlisted`, `pending_approval` of a 201. */
  outcome?: string;
  error?: string;
}

export interface LoadOptions {
  pool: Dispatcher;
  path: string;
  rate: number;
  seconds: number;
  /** The JSON body of request n and the e-mail address it registers. */
  body: (n: number) => { email: string; json: string; idempotencyKey?: string };
  /** Stop sending when more than this many seconds of arrivals are waiting for an answer: the target has fallen behind. */
  abortBacklogSeconds: number;
}

export interface LoadResult {
  rate: number;
  seconds: number;
  planned: number;
  samples: RequestSample[];
  /** Why sending stopped before the schedule ended, if it did. */
  aborted?: string;
}

/**
 * An open-loop arrival schedule: request n starts at t0 + n/rate whatever happened to the requests
 * before it, so a slow target meets the same offered load as a fast one and its queueing shows up
 * as latency instead of as a slower sender.
 */
export async function runOpenLoop(options: LoadOptions): Promise<LoadResult> {
  const { pool, path, rate, seconds } = options;
  const planned = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const samples: RequestSample[] = [];
  const inFlight = new Set<Promise<void>>();
  const backlogLimit = Math.max(50, Math.round(rate * options.abortBacklogSeconds));
  let aborted: string | undefined;
  const start = performance.now() + 5;
  let next = 0;

  const fire = (n: number, scheduledAt: number) => {
    const { email, json, idempotencyKey } = options.body(n);
    const sample: RequestSample = { n, email, scheduledAt, sentAt: performance.now(), doneAt: 0, status: 0 };
    samples.push(sample);
    const work = pool
      .request({
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
        body: json,
      })
      .then(async (response) => {
        const text = await response.body.text();
        sample.doneAt = performance.now();
        sample.status = response.statusCode;
        if (response.statusCode === 201) {
          const parsed = JSON.parse(text) as { id?: string; status?: string };
          sample.id = parsed.id;
          sample.outcome = parsed.status;
        } else {
          sample.error = text.slice(0, 200);
        }
      })
      .catch((err: unknown) => {
        sample.doneAt = performance.now();
        sample.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < planned && start + next * interval <= now) {
        fire(next, start + next * interval);
        next += 1;
      }
      if (next >= planned) return resolve();
      if (inFlight.size > backlogLimit) {
        aborted = `fell behind: ${inFlight.size} requests unanswered after ${((now - start) / 1000).toFixed(1)} s`;
        return resolve();
      }
      // Timers have a 1 ms grain: what falls due meanwhile is sent together (never a busy loop on a 2-core machine).
      setTimeout(tick, Math.max(1, Math.min(start + next * interval - performance.now(), 20)));
    };
    tick();
  });
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  return { rate, seconds, planned, samples, ...(aborted ? { aborted } : {}) };
}
