/**
 * Waits before the 2nd to 9th attempt at an e-mail; after the 9th, about 3 h 45 min after the first,
 * it has failed. A retry is a row of the delivery log that waits for its time (nothing is held in
 * memory or left unacknowledged meanwhile), so the schedule can outlast a mail server's maintenance
 * window or an outage of the provider.
 */
export const DEFAULT_MAIL_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000];

export type AttemptOutcome = { next: 'retry'; delayMs: number } | { next: 'give-up'; why: 'permanent' | 'exhausted' };

/**
 * What to do after attempt number `attempts` (1-based) failed with `error`. An SMTP 5xx reply is the
 * server's final word on this message (RFC 5321 §4.2.1: unknown mailbox, policy rejection…), so it is
 * not retried; everything else (connection refused, time-outs, 4xx) is tried again after the next delay.
 */
export function afterFailedAttempt(attempts: number, error: unknown, delaysMs: readonly number[] = DEFAULT_MAIL_RETRY_DELAYS_MS): AttemptOutcome {
  if (isPermanentSmtpFailure(error)) return { next: 'give-up', why: 'permanent' };
  const delayMs = delaysMs[attempts - 1];
  return delayMs === undefined ? { next: 'give-up', why: 'exhausted' } : { next: 'retry', delayMs };
}

export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** A short, single-line account of a failure for the delivery log and `notification.failed`. */
export function describeMailError(error: unknown): string {
  const details = error as { message?: unknown; code?: unknown; responseCode?: unknown; response?: unknown } | null;
  const message = typeof details?.response === 'string' ? details.response : typeof details?.message === 'string' ? details.message : String(error);
  const code = typeof details?.code === 'string' ? `${details.code}: ` : '';
  return `${code}${message}`.replace(/\s+/g, ' ').slice(0, 1000);
}

/** The `cause_event_type` of a broadcast's e-mails, whose cause is the broadcast itself (its id as `cause_event_id`), not an event. */
export const BROADCAST_CAUSE = 'broadcast';
