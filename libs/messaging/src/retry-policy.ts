import { queueNames } from './topology.js';

export type RetryDecision =
  { action: 'retry'; queue: string; delayMs: number; retryCount: number } | { action: 'dead-letter'; queue: string; retryCount: number };

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 5000, 30000];

/**
 * Where a message goes after its handler failed: the next, longer retry queue, or the dead-letter
 * queue once every delay has been tried. `retriesSoFar` is the message's `x-retry-count`.
 */
export function decideRetry(service: string, retriesSoFar: number, delaysMs: readonly number[]): RetryDecision {
  const names = queueNames(service);
  const delayMs = delaysMs[retriesSoFar];
  if (delayMs === undefined) return { action: 'dead-letter', queue: names.dead, retryCount: retriesSoFar };
  return { action: 'retry', queue: names.retry(delayMs), delayMs, retryCount: retriesSoFar + 1 };
}

/** Reads `x-retry-count` defensively: a header anyone could have set must not break the consumer. */
export function retryCountOf(value: unknown): number {
  const count = typeof value === 'string' ? Number(value) : value;
  return typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : 0;
}
