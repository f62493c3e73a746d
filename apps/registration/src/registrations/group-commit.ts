/** What one member of a group came to: its own answer, or its own failure. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Decides a group of one key's requests, in their order, in one unit of work: one outcome per request, in the same order. */
export type DecideGroup<K, I, R> = (key: K, requests: readonly I[]) => Promise<readonly Outcome<R>[]>;

/** A key already has as many requests waiting as it may: the caller should come back shortly. */
export class GroupQueueFull extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} requests are already waiting for this key`);
  }
}

interface Waiting<I, R> {
  request: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit, per key: requests for a key that arrive while a group of it is decided wait and are
 * decided together, each answered on its own. docs/DESIGN.md, "Inside registration", has the rules.
 */
export class GroupCommit<K, I, R> {
  /** The requests waiting per key; a key is here while a group of it is scheduled or running. */
  private readonly waiting = new Map<K, Waiting<I, R>[]>();

  constructor(
    private readonly decide: DecideGroup<K, I, R>,
    private readonly maxGroupSize: number,
    /** Requests one key may have waiting (the group being decided not counted); past it `submit` rejects with `GroupQueueFull`. */
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {
    if (!(Number.isInteger(maxGroupSize) && maxGroupSize >= 1)) throw new RangeError(`maxGroupSize must be a positive integer, not ${maxGroupSize}`);
  }

  submit(key: K, request: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue && queue.length >= this.maxWaiting) {
        reject(new GroupQueueFull(queue.length));
        return;
      }
      if (queue) {
        queue.push({ request, resolve, reject });
        return;
      }
      this.waiting.set(key, [{ request, resolve, reject }]);
      setImmediate(() => void this.drain(key));
    });
  }

  /** Requests of `key` not yet taken into a group. */
  pending(key: K): number {
    return this.waiting.get(key)?.length ?? 0;
  }

  private async drain(key: K): Promise<void> {
    const queue = this.waiting.get(key)!;
    while (queue.length > 0) {
      const group = queue.splice(0, this.maxGroupSize);
      let outcomes: readonly Outcome<R>[];
      try {
        outcomes = await this.decide(
          key,
          group.map((waiting) => waiting.request),
        );
        if (outcomes.length !== group.length) throw new Error(`decided ${outcomes.length} outcomes for a group of ${group.length}`);
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
        continue;
      }
      group.forEach((waiting, index) => {
        const outcome = outcomes[index]!;
        if (outcome.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome.error);
      });
    }
    // Nothing awaited since the queue was last seen empty: a request arriving now starts a new group.
    this.waiting.delete(key);
  }
}
