import fc from 'fast-check';
import { parseRateLimits, rateLimitHeaders, RateLimitCounter } from './rate-limit.rules.js';

describe('rate limits', () => {
  const policy = { limit: 3, windowSeconds: 60 };

  it('allows the limit in a window, refuses the next with the time to wait, and starts afresh after it', () => {
    const counter = new RateLimitCounter();
    expect([0, 1, 2].map((i) => counter.take('1.2.3.4', policy, 1_000 + i).allowed)).toEqual([true, true, true]);
    expect(counter.take('1.2.3.4', policy, 31_000)).toEqual({ allowed: false, remaining: 0, resetSeconds: 30 });
    expect(counter.take('5.6.7.8', policy, 31_000).allowed).toBe(true);
    expect(counter.take('1.2.3.4', policy, 61_000)).toEqual({ allowed: true, remaining: 2, resetSeconds: 60 });
  });

  it('never admits more than the limit in one window, whatever the arrival times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 59_999 }), { maxLength: 50 }), (offsets) => {
        const counter = new RateLimitCounter();
        const admitted = [...offsets].sort((a, b) => a - b).filter((at) => counter.take('k', policy, at).allowed).length;
        return admitted === Math.min(policy.limit, offsets.length);
      }),
    );
  });

  it('keeps at most maxKeys windows, forgetting the oldest', () => {
    const counter = new RateLimitCounter(100);
    for (let i = 0; i < 1_000; i++) counter.take(`client-${i}`, policy, i);
    expect(counter.size).toBeLessThanOrEqual(100);
  });

  it('reads RATE_LIMITS over the defaults, and refuses unknown names and bad entries', () => {
    const defaults = { 'registration-per-client': policy, 'registration-per-mission': { limit: 600, windowSeconds: 60 } };
    expect(parseRateLimits(undefined, defaults)).toEqual(defaults);
    expect(parseRateLimits('off', defaults)).toEqual({});
    expect(parseRateLimits('off,registration-per-client=5/10', defaults)).toEqual({ 'registration-per-client': { limit: 5, windowSeconds: 10 } });
    expect(parseRateLimits('registration-per-client=5/10', defaults)).toEqual({ ...defaults, 'registration-per-client': { limit: 5, windowSeconds: 10 } });
    expect(() => parseRateLimits('registrations=5/10', defaults)).toThrow(/no limit is called/);
    expect(() => parseRateLimits('registration-per-client=5', defaults)).toThrow(/name=limit\/seconds/);
  });

  it('says the policy and what is left in the IETF header fields', () => {
    expect(rateLimitHeaders('form', policy, { allowed: true, remaining: 2, resetSeconds: 59 })).toEqual({
      'RateLimit-Policy': '"form";q=3;w=60',
      RateLimit: '"form";r=2;t=59',
    });
  });
});
