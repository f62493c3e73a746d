import fc from 'fast-check';
import { backoffMs, DEFAULT_RETRY_POLICY, namedIdsOf, nextAttemptAt, patternProblem, subscribesTo, verdictOf } from './webhook.rules.js';

const HOUR = 3600_000;

describe('the back-off schedule', () => {
  it('doubles from 30 s up to 6 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => backoffMs(n, DEFAULT_RETRY_POLICY) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600,
    ]);
  });

  it('jitters each wait within ±25 %, never beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, random) => {
        const now = new Date('2026-12-05T10:00:00Z');
        const at = nextAttemptAt(n, now, now, { ...DEFAULT_RETRY_POLICY, retryForMs: Infinity }, () => random)!;
        const wait = at.getTime() - now.getTime();
        expect(wait).toBeGreaterThanOrEqual(backoffMs(n, DEFAULT_RETRY_POLICY) * 0.75);
        expect(wait).toBeLessThanOrEqual(backoffMs(n, DEFAULT_RETRY_POLICY) * 1.25);
      }),
    );
  });

  it('keeps trying for three days, then gives up', () => {
    const first = new Date('2026-12-05T10:00:00Z');
    let now = first;
    let attempts = 1;
    for (;;) {
      const next = nextAttemptAt(attempts, first, now, DEFAULT_RETRY_POLICY, () => 0.5);
      if (!next) break;
      now = next;
      attempts++;
    }
    const span = now.getTime() - first.getTime();
    expect(span).toBeLessThanOrEqual(72 * HOUR);
    expect(span).toBeGreaterThan(66 * HOUR);
    // 30 s doubling to 6 h (8.5 h in all), then every 6 h: the 21st attempt is the last within the three days.
    expect(attempts).toBe(21);
  });
});

describe('verdictOf', () => {
  it('2xx is delivered, 410 is gone, anything else (no answer included) is tried again', () => {
    expect([200, 202, 204, 299].map(verdictOf)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect(verdictOf(410)).toBe('gone');
    expect([null, 301, 400, 404, 429, 500, 503].map(verdictOf)).toEqual(Array(7).fill('retry'));
  });
});

describe('event-type patterns', () => {
  it('take exact types, one-word `*` and any-word `#`', () => {
    expect(subscribesTo(['registration.*'], 'registration.confirmed')).toBe(true);
    expect(subscribesTo(['registration.*'], 'participant.erased')).toBe(false);
    expect(subscribesTo(['#'], 'webhook.endpoint_disabled')).toBe(true);
    expect(subscribesTo(['meeting.accepted', 'session.*'], 'session.cancelled')).toBe(true);
    expect(subscribesTo([], 'session.cancelled')).toBe(false);
  });

  it('refuse what is not a pattern, or matches no event type', () => {
    expect(patternProblem('registration.*')).toBeNull();
    expect(patternProblem('#')).toBeNull();
    expect(patternProblem('registration.confirmed')).toBeNull();
    expect(patternProblem('registration.nonsense')).toBe('matches no event type');
    expect(patternProblem('Registration.*')).toMatch(/is not an event type/);
    expect(patternProblem('registration..confirmed')).toMatch(/is not an event type/);
    expect(patternProblem('registration.conf*')).toMatch(/is not an event type/);
  });
});

describe('namedIdsOf', () => {
  it('finds every UUID of the data, nested and in lists, once, lower-cased', () => {
    const data = {
      meetingId: '11111111-1111-4111-8111-111111111111',
      requesterId: 'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA',
      attendees: [{ registrationId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', side: 'requester' }],
      participantIds: ['cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'],
      title: 'not an id',
      count: 3,
      missing: null,
    };
    expect(namedIdsOf(data).sort()).toEqual([
      '11111111-1111-4111-8111-111111111111',
      'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
      'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
    ]);
  });
});
