/** A limit: at most `limit` requests per `windowSeconds`, per key. */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Requests left in the current window after this one. */
  remaining: number;
  /** Seconds until the window resets (at least 1): the `Retry-After` of a refusal. */
  resetSeconds: number;
}

/** The limits routes name, as a public deployment needs them; `RATE_LIMITS` overrides any of them, or turns all off. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, RateLimitPolicy>> = {
  // A desk registering a group from one office's address still fits; a script inventing people does not.
  'registration-per-client': { limit: 30, windowSeconds: 60 },
  'registration-per-mission': { limit: 600, windowSeconds: 60 },
  'access-link-per-client': { limit: 5, windowSeconds: 300 },
  // Request, withdraw, request again: a participant flooding another with requests.
  'meeting-request-per-participant': { limit: 30, windowSeconds: 3600 },
};

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Fixed windows per key, in memory: cheap enough for every public call. Stale windows are dropped as
 * the map is swept, and at most `maxKeys` are kept, so a flood of invented keys cannot grow it
 * without bound (the oldest go first; a key forgotten that way merely starts afresh).
 */
export class RateLimitCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly maxKeys = 100_000) {}

  take(key: string, policy: RateLimitPolicy, nowMs: number): RateLimitDecision {
    const windowMs = policy.windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || nowMs - window.startedAt >= windowMs) {
      if (window) this.windows.delete(key);
      window = { startedAt: nowMs, count: 0 };
      this.admit(key, window, nowMs, windowMs);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - nowMs) / 1000));
    if (window.count >= policy.limit) return { allowed: false, remaining: 0, resetSeconds };
    window.count += 1;
    return { allowed: true, remaining: policy.limit - window.count, resetSeconds };
  }

  get size(): number {
    return this.windows.size;
  }

  private admit(key: string, window: Window, nowMs: number, windowMs: number): void {
    if (this.windows.size >= this.maxKeys) {
      // Map order is insertion order: the first entries are the oldest windows.
      for (const [staleKey, stale] of this.windows) {
        if (this.windows.size < this.maxKeys && nowMs - stale.startedAt < windowMs) break;
        this.windows.delete(staleKey);
      }
    }
    this.windows.set(key, window);
  }
}

/**
 * `RATE_LIMITS`: comma-separated `name=limit/seconds` entries overriding the defaults, e.g.
 * `registration-per-client=20/60`; a first entry `off` starts from no limit at all, so `off` alone
 * turns every limit off and `off,access-link-per-client=10/600` keeps only that one.
 */
export function parseRateLimits(text: string | undefined, defaults: Readonly<Record<string, RateLimitPolicy>>): Record<string, RateLimitPolicy> {
  const entries = (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const policies: Record<string, RateLimitPolicy> = entries[0] === 'off' ? {} : { ...defaults };
  for (const entry of entries[0] === 'off' ? entries.slice(1) : entries) {
    const match = /^([a-z][a-z0-9-]*)=(\d+)\/(\d+)$/.exec(entry);
    if (!match) throw new Error(`RATE_LIMITS: "${entry}" is not name=limit/seconds`);
    const [, name, limit, seconds] = match;
    if (!(name! in defaults)) throw new Error(`RATE_LIMITS: no limit is called "${name}" (known: ${Object.keys(defaults).join(', ')})`);
    if (Number(seconds) < 1) throw new Error(`RATE_LIMITS: "${entry}" needs a window of at least one second`);
    policies[name!] = { limit: Number(limit), windowSeconds: Number(seconds) };
  }
  return policies;
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) of one decision. */
export function rateLimitHeaders(name: string, policy: RateLimitPolicy, decision: RateLimitDecision): Record<string, string> {
  return {
    'RateLimit-Policy': `"${name}";q=${policy.limit};w=${policy.windowSeconds}`,
    RateLimit: `"${name}";r=${decision.remaining};t=${decision.resetSeconds}`,
  };
}
