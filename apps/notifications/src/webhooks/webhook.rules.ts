import { eventTypes } from '#contracts';
import { matchesTopic } from '#messaging';

/** How deliveries are retried: exponential back-off from `baseMs`, capped, with jitter, for `retryForMs` after the first attempt. */
export interface RetryPolicy {
  baseMs: number;
  maxDelayMs: number;
  retryForMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, maxDelayMs: 6 * 3600_000, retryForMs: 3 * 24 * 3600_000 };

/** The wait before the attempt after `failedAttempts` failed ones, without jitter: base·2^(n−1), capped. */
export function backoffMs(failedAttempts: number, policy: RetryPolicy): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 40);
  return Math.min(policy.baseMs * 2 ** exponent, policy.maxDelayMs);
}

/**
 * When to try again after `failedAttempts` failed attempts, the first made at `firstAttemptAt`:
 * the back-off times a jitter in [0.75, 1.25) (`random`, for tests), so that endpoints that failed
 * together do not all come back at once; null when that would be past `retryForMs` (given up).
 */
export function nextAttemptAt(failedAttempts: number, firstAttemptAt: Date, now: Date, policy: RetryPolicy, random: () => number = Math.random): Date | null {
  const delay = backoffMs(failedAttempts, policy) * (0.75 + random() * 0.5);
  const at = new Date(now.getTime() + delay);
  return at.getTime() - firstAttemptAt.getTime() > policy.retryForMs ? null : at;
}

/** What an attempt's outcome means for the delivery and its endpoint. */
export type AttemptVerdict = 'delivered' | 'retry' | 'gone';

/** 2xx delivered; 410 Gone: the endpoint asks to be unsubscribed (Standard Webhooks), at once; anything else (a timeout, a refused address, 3xx, 4xx, 5xx) is tried again. */
export function verdictOf(statusCode: number | null): AttemptVerdict {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return 'delivered';
  if (statusCode === 410) return 'gone';
  return 'retry';
}

/** Whether an endpoint's event-type patterns (AMQP topic syntax: `*` one word, `#` any) take `type`. */
export function subscribesTo(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => pattern === type || matchesTopic(pattern, type));
}

const PATTERN = /^(?:[a-z_]+|\*|#)(?:\.(?:[a-z_]+|\*|#))*$/;

/** Why an endpoint's pattern cannot be subscribed to (it is not one, or no event type matches it), or null. */
export function patternProblem(pattern: string, types: readonly string[] = eventTypes): string | null {
  if (!PATTERN.test(pattern)) return 'is not an event type or a pattern of words, `*` and `#`';
  return types.some((type) => subscribesTo([pattern], type)) ? null : 'matches no event type';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every UUID an event's data holds, anywhere (`registrationId`, `requesterId`, `participantIds`, an
 * attendee's…): the participants it may name, without a list of field names to keep up to date. Its
 * payload is not sent once one of them is erased; the other ids (mission, session) are never a
 * registration's, so they cost nothing but room.
 */
export function namedIdsOf(data: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (UUID.test(value)) found.add(value.toLowerCase());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(data);
  return [...found];
}
