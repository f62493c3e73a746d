import { afterFailedAttempt, DEFAULT_MAIL_RETRY_DELAYS_MS, describeMailError, isPermanentSmtpFailure } from './delivery.rules.js';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ESOCKET' });
const busy = Object.assign(new Error('Message failed: 451 mailbox unavailable'), { code: 'EMESSAGE', responseCode: 451, response: '451 mailbox unavailable' });
const unknownMailbox = Object.assign(new Error('Can not send mail'), { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 no such user' });

describe('afterFailedAttempt', () => {
  it('retries after 1 s, 5 s, 30 s, 2, 10 and 30 min, 1 and 2 h, then gives up', () => {
    expect(DEFAULT_MAIL_RETRY_DELAYS_MS).toEqual([1000, 5000, 30000, 120000, 600000, 1800000, 3600000, 7200000]);
    expect(afterFailedAttempt(1, refused)).toEqual({ next: 'retry', delayMs: 1000 });
    expect(afterFailedAttempt(2, busy)).toEqual({ next: 'retry', delayMs: 5000 });
    expect(afterFailedAttempt(3, refused)).toEqual({ next: 'retry', delayMs: 30000 });
    expect(afterFailedAttempt(8, refused)).toEqual({ next: 'retry', delayMs: 7200000 });
    expect(afterFailedAttempt(9, refused)).toEqual({ next: 'give-up', why: 'exhausted' });
    // Long enough for a mail server's maintenance window: the last attempt is over 3.5 h after the first.
    expect(DEFAULT_MAIL_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0)).toBeGreaterThan(3.5 * 3600_000);
  });

  it('follows the delays it is given', () => {
    expect(afterFailedAttempt(1, refused, [10])).toEqual({ next: 'retry', delayMs: 10 });
    expect(afterFailedAttempt(2, refused, [10])).toEqual({ next: 'give-up', why: 'exhausted' });
  });

  it('does not retry what the server refused for good (5xx)', () => {
    expect(afterFailedAttempt(1, unknownMailbox)).toEqual({ next: 'give-up', why: 'permanent' });
  });
});

describe('isPermanentSmtpFailure', () => {
  it('is true for 5xx replies only', () => {
    expect(isPermanentSmtpFailure(unknownMailbox)).toBe(true);
    expect(isPermanentSmtpFailure(busy)).toBe(false);
    expect(isPermanentSmtpFailure(refused)).toBe(false);
    expect(isPermanentSmtpFailure(undefined)).toBe(false);
  });
});

describe('describeMailError', () => {
  it('keeps the code and the server reply on one line', () => {
    expect(describeMailError(busy)).toBe('EMESSAGE: 451 mailbox unavailable');
    expect(describeMailError(refused)).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:1025');
    expect(describeMailError(Object.assign(new Error('a\nb'), {}))).toBe('a b');
    expect(describeMailError('boom')).toBe('boom');
  });
});
