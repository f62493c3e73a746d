import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { registrationInput } from '../../test/support/api.js';
import type { CpuSampler, CpuUsage } from './cpu.js';
import { runOpenLoop, type RequestSample } from './load.js';
import type { PgWaitSampler, WaitProfile } from './pg-waits.js';
import type { Children } from './processes.js';
import { distribution, type Distribution } from './stats.js';

export type SystemName = 'mission-hub' | 'bare';
export type PhaseKind = 'warm-up' | 'fixed' | 'ramp';

/** Where the end of a request's journey is seen: the dashboard's SSE stream, the SMTP sink, a bare consumer. */
export interface Observer {
  label: string;
  arrivalOf(sample: RequestSample): number | undefined;
}

/** One mission prepared for a phase: the path to post to, the observers, and a check to run after. */
export interface PreparedMission {
  path: string;
  observers: Observer[];
  /** No overbooking: run once every event has arrived. */
  check?(samples: RequestSample[]): Promise<OverbookingCheck>;
  close(): Promise<void>;
}

export interface Target {
  system: SystemName;
  /** Processes of each of its services (mission-hub) or of each of its parts (bare). */
  instances: number;
  /** A pool of connections to its entry, or a balanced pool over its instances. */
  pool: Dispatcher;
  prepare(capacity: number, tag: string): Promise<PreparedMission>;
}

export interface OverbookingCheck {
  ok: boolean;
  capacity: number;
  /** Confirmed in the organiser's list. */
  listed: number;
  /** 201 answers that said `confirmed`. */
  answered: number;
  detail: string;
}

export interface EndToEnd extends Distribution {
  label: string;
  /** Accepted registrations whose end was not seen before the drain deadline. */
  missing: number;
}

export interface PhaseResult {
  system: SystemName;
  instances: number;
  kind: PhaseKind;
  rate: number;
  seconds: number;
  planned: number;
  sent: number;
  accepted: number;
  /** Answers other than 201, by status (0: no answer). */
  errors: Record<string, number>;
  firstError?: string;
  /** 201 answers per second, from the first answer to the last (the rate the target kept up). */
  acceptedPerSecond: number;
  http: Distribution;
  /** How late the generator sent requests against the schedule: large means the bench itself was short of CPU. */
  senderLag: Distribution;
  endToEnd: EndToEnd[];
  capacity: number;
  overbooking?: OverbookingCheck;
  cpu: CpuUsage;
  /** Postgres sessions of the run by state while the phase sent. */
  waits?: WaitProfile;
  /** Warnings and errors the run's processes logged during the phase (e.g. "too many clients", retries). */
  warnings: string[];
  aborted?: string;
  verdict: { sustained: boolean; reasons: string[] };
}

export interface PhaseOptions {
  kind: PhaseKind;
  rate: number;
  seconds: number;
  tag: string;
  capacityRatio: number;
  abortBacklogSeconds: number;
  drainSeconds: number;
  settleSeconds: number;
  maxHttpP99: number;
  maxEndToEndP99: number;
  idempotencyKeys: boolean;
}

/** Prepare a mission, drive it at a fixed rate, wait for every end of journey, check, measure. */
export async function runPhase(
  target: Target,
  options: PhaseOptions,
  probes: { cpu: CpuSampler; waits?: PgWaitSampler; children?: Children; profiler?: { start(): void; stop(): void } },
): Promise<PhaseResult> {
  const { cpu } = probes;
  const planned = Math.max(1, Math.round(options.rate * options.seconds));
  const capacity = Math.max(1, Math.floor(planned * options.capacityRatio));
  const mission = await target.prepare(capacity, options.tag);
  try {
    const marks = probes.children?.logMarks();
    probes.waits?.start();
    const before = cpu.snapshot();
    probes.profiler?.start();
    const load = await runOpenLoop({
      pool: target.pool,
      path: mission.path,
      rate: options.rate,
      seconds: options.seconds,
      abortBacklogSeconds: options.abortBacklogSeconds,
      body: (n) => {
        const email = `${options.tag}-${n}@bench.example.org`.toLowerCase();
        return { email, json: JSON.stringify(registrationInput(n, { email })), ...(options.idempotencyKeys ? { idempotencyKey: `${options.tag}-${n}` } : {}) };
      },
    });
    const after = cpu.snapshot();
    probes.profiler?.stop();
    const waits = probes.waits?.stop();
    const accepted = load.samples.filter((sample) => sample.status === 201);

    const complete = () => accepted.every((sample) => mission.observers.every((observer) => observer.arrivalOf(sample) !== undefined));
    await until(complete, options.drainSeconds * 1000);
    const endToEnd = mission.observers.map((observer) => {
      const times: number[] = [];
      let missing = 0;
      for (const sample of accepted) {
        const arrival = observer.arrivalOf(sample);
        if (arrival === undefined) missing += 1;
        else times.push(arrival - sample.scheduledAt);
      }
      return { label: observer.label, missing, ...distribution(times) };
    });
    // Whatever is still on its way must not land in the next phase's measurements.
    if (!complete()) await until(complete, options.settleSeconds * 1000);
    const overbooking = mission.check ? await mission.check(load.samples) : undefined;

    const errors: Record<string, number> = {};
    for (const sample of load.samples) if (sample.status !== 201) errors[String(sample.status)] = (errors[String(sample.status)] ?? 0) + 1;
    const doneTimes = accepted.map((sample) => sample.doneAt).sort((a, b) => a - b);
    const acceptedPerSecond =
      doneTimes.length > 1 ? ((doneTimes.length - 1) * 1000) / (doneTimes[doneTimes.length - 1] - doneTimes[0]) : doneTimes.length / options.seconds;

    const result: PhaseResult = {
      system: target.system,
      instances: target.instances,
      kind: options.kind,
      rate: options.rate,
      seconds: options.seconds,
      planned,
      sent: load.samples.length,
      accepted: accepted.length,
      errors,
      firstError: load.samples.find((sample) => sample.status !== 201)?.error,
      acceptedPerSecond,
      http: distribution(load.samples.filter((sample) => sample.status !== 0).map((sample) => sample.doneAt - sample.scheduledAt)),
      senderLag: distribution(load.samples.map((sample) => sample.sentAt - sample.scheduledAt)),
      endToEnd,
      capacity,
      overbooking,
      cpu: cpu.usage(before, after),
      waits,
      warnings: marks ? probes.children!.logWarnings(marks) : [],
      aborted: load.aborted,
      verdict: { sustained: true, reasons: [] },
    };
    result.verdict = judge(result, options);
    return result;
  } finally {
    await mission.close();
  }
}

/** Sustained: every request answered 201 at the offered rate, with p99s under their ceilings and every end of journey seen. */
function judge(result: PhaseResult, options: PhaseOptions): { sustained: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (result.aborted) reasons.push(result.aborted);
  const failed = result.sent - result.accepted;
  if (failed > result.sent * 0.01) reasons.push(`${failed} of ${result.sent} not accepted`);
  if (result.acceptedPerSecond < result.rate * 0.95) reasons.push(`accepted ${Math.round(result.acceptedPerSecond)}/s < 95% of ${result.rate}/s`);
  if (result.http.p99 > options.maxHttpP99) reasons.push(`HTTP p99 ${Math.round(result.http.p99)} ms > ${options.maxHttpP99} ms`);
  for (const end of result.endToEnd) {
    if (end.missing > 0) reasons.push(`${end.missing} never reached ${end.label} within ${options.drainSeconds} s`);
    else if (end.p99 > options.maxEndToEndP99) reasons.push(`${end.label} p99 ${Math.round(end.p99)} ms > ${options.maxEndToEndP99} ms`);
  }
  if (result.overbooking && !result.overbooking.ok) reasons.push(`overbooking check failed: ${result.overbooking.detail}`);
  return { sustained: reasons.length === 0, reasons };
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
