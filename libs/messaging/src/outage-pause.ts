/** Back-off between tries while the database is unreachable: doubles from the first to the last, then stays there, without limit. */
export const OUTAGE_BACKOFF_MS = { first: 1000, max: 15_000 };

export interface OutagePauseHooks {
  /** Stop taking messages from the broker (the first outage). */
  pause(): void;
  /** Take messages again (the database answered). */
  resume(): void;
}

/**
 * How a consumer waits out a database outage. A message whose handler failed because the database
 * could not be reached is not a bad message: it neither spends a retry nor goes to the dead-letter
 * queue, and it is not given back to the broker either (a quorum queue counts every return toward
 * its delivery limit). It is held, and waits here; consumption pauses. After a back-off, one held
 * message is let through as a probe: if it fails the same way, the back-off doubles (up to
 * `max`, for as long as it takes); once a message succeeds, every held one is let through and
 * consumption resumes. With nothing held (the broker took them back with a lost channel),
 * consumption resumes and the next message is the probe.
 */
export class OutagePause {
  private paused = false;
  private probing = false;
  private delayMs: number;
  private timer?: NodeJS.Timeout;
  private readonly held: (() => void)[] = [];

  constructor(
    private readonly hooks: OutagePauseHooks,
    private readonly backoff = OUTAGE_BACKOFF_MS,
  ) {
    this.delayMs = backoff.first;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** A message's handler met an unreachable database: pauses (or backs off further, if it was the probe); resolves when the message may be tried again. */
  outage(): Promise<void> {
    if (!this.paused) {
      // The back-off starts over only once a message went through (`recovered`).
      this.paused = true;
      this.hooks.pause();
      this.schedule();
    } else if (this.probing) {
      this.probing = false;
      this.delayMs = Math.min(this.delayMs * 2, this.backoff.max);
      this.schedule();
    }
    return new Promise<void>((resolve) => this.held.push(resolve));
  }

  /** A message was handled: the database answers again. */
  recovered(): void {
    this.delayMs = this.backoff.first;
    if (!this.paused) return;
    this.paused = false;
    this.probing = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const release of this.held.splice(0)) release();
    this.hooks.resume();
  }

  /** The consumer stops: every held message is let go (to be settled or given back with its channel). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.paused = false;
    this.probing = false;
    for (const release of this.held.splice(0)) release();
  }

  /** The back-off in force now, for the log. */
  get backoffMs(): number {
    return this.delayMs;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const probe = this.held.shift();
      if (probe) {
        this.probing = true;
        probe();
      } else {
        // Nothing held: the next message delivered is the probe.
        this.paused = false;
        this.hooks.resume();
      }
    }, this.delayMs);
    this.timer.unref();
  }
}
