import type { LoggerService } from '@nestjs/common';

const MAX_BACKOFF_MS = 5000;

export interface WakeableLoopOptions {
  /** One pass over the waiting work; answers whether more is probably waiting (it found a full batch). */
  pass: () => Promise<boolean>;
  /** Passes under way at once. */
  concurrent: number;
  /** A pass every so often without being woken: rows another instance left, retries another instance queued. */
  pollIntervalMs: number;
  logger: LoggerService;
  /** The log lines' words for a failed pass and for the first pass that succeeds after failures. */
  messages: { failed: string; recovered: string };
}

/**
 * Works through a table-backed queue (the outbox, the mail queue) whenever it is woken: by the
 * commit of rows for it in this process, a timer or the poll. At most `concurrent` passes run at
 * once; a wake-up while all of them are busy, or a pass that found a full batch, makes one more.
 * After a failed pass it backs off (growing to 5 s), and the scheduled retry is then the next pass,
 * not every wake-up.
 */
export class WakeableLoop {
  private readonly passes = new Set<Promise<void>>();
  private running = false;
  /** Woken while every pass slot was taken: rows committed after their SELECT must not wait for the poll. */
  private wokenMeanwhile = false;
  private pollTimer?: NodeJS.Timeout;
  private backoffTimer?: NodeJS.Timeout;
  private timer?: { at: number; handle: NodeJS.Timeout };
  private failures = 0;

  constructor(private readonly options: WakeableLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.pollTimer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.wake();
  }

  /** Stops waking and waits for the passes under way. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.pollTimer);
    clearTimeout(this.backoffTimer);
    this.backoffTimer = undefined;
    clearTimeout(this.timer?.handle);
    this.timer = undefined;
    while (this.passes.size > 0) await Promise.allSettled([...this.passes]);
  }

  wake(): void {
    if (!this.running || this.backoffTimer) return;
    if (this.passes.size >= this.options.concurrent) {
      this.wokenMeanwhile = true;
      return;
    }
    this.wokenMeanwhile = false;
    const pass: Promise<void> = this.options
      .pass()
      .then((more) => {
        if (this.failures > 0) this.options.logger.log({ msg: this.options.messages.recovered, failures: this.failures });
        this.failures = 0;
        return more;
      })
      .catch((err: unknown) => {
        this.backOff(err);
        return false;
      })
      .then((more) => {
        this.passes.delete(pass);
        if (more || this.wokenMeanwhile) this.wake();
      });
    this.passes.add(pass);
  }

  /** A wake-up in `delayMs` (a retry's time), unless an earlier one is set already. */
  wakeIn(delayMs: number): void {
    const at = Date.now() + delayMs;
    if (this.timer && this.timer.at <= at) return;
    clearTimeout(this.timer?.handle);
    const handle = setTimeout(() => {
      this.timer = undefined;
      this.wake();
    }, delayMs);
    handle.unref();
    this.timer = { at, handle };
  }

  private backOff(err: unknown): void {
    const delayMs = Math.min(100 * 2 ** this.failures++, MAX_BACKOFF_MS);
    if (this.failures === 1 || this.failures % 20 === 0) {
      this.options.logger.warn({
        msg: this.options.messages.failed,
        reason: err instanceof Error ? err.message : String(err),
        delayMs,
        failures: this.failures,
      });
    }
    if (!this.running || this.backoffTimer) return;
    this.backoffTimer = setTimeout(() => {
      this.backoffTimer = undefined;
      this.wake();
    }, delayMs);
  }
}
