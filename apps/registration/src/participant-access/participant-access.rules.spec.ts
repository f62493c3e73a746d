import { ParticipantAccessRules } from './participant-access.rules.js';

const quota = { requests: 3, windowMs: 60_000 };

describe('a link mail per registration', () => {
  const mailed = new Date('2019-06-01T08:00:00Z');

  it('is sent when none was, or the last one is a minute old', () => {
    expect(ParticipantAccessRules.mayMailLink(null, mailed)).toBe(true);
    expect(ParticipantAccessRules.mayMailLink(mailed, new Date('2019-06-01T08:01:00Z'))).toBe(true);
  });

  it('is not sent again within the minute', () => {
    expect(ParticipantAccessRules.mayMailLink(mailed, mailed)).toBe(false);
    expect(ParticipantAccessRules.mayMailLink(mailed, new Date('2019-06-01T08:00:59.999Z'))).toBe(false);
  });
});

describe('requests per client address', () => {
  it('allows the quota within a window, then refuses until the window ends', () => {
    let window;
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const decision = ParticipantAccessRules.takeRequest(window, 1_000 + i, quota);
      if (!decision.allowed) throw new Error('refused too early');
      remaining.push(decision.remaining);
      window = decision.window;
    }
    expect(remaining).toEqual([2, 1, 0]);
    expect(ParticipantAccessRules.takeRequest(window, 31_000, quota)).toEqual({ allowed: false, window: { startedAt: 1_000, count: 3 }, retryAfterMs: 30_000 });
  });

  it('starts a new window once the last has ended', () => {
    const full = { startedAt: 1_000, count: 3 };
    expect(ParticipantAccessRules.takeRequest(full, 61_000, quota)).toEqual({ allowed: true, window: { startedAt: 61_000, count: 1 }, remaining: 2 });
    expect(ParticipantAccessRules.expired(full, 60_999, quota)).toBe(false);
    expect(ParticipantAccessRules.expired(full, 61_000, quota)).toBe(true);
  });
});

describe('signing in with a valid link', () => {
  const link = { missionId: 'm1', generation: 2 };

  it('signs in with the registration’s current link generation', () => {
    expect(ParticipantAccessRules.signInRefusal(link, { missionId: 'm1', linkGeneration: 2, erasedAt: null })).toBeNull();
  });

  it('refuses a link that a newer one has replaced', () => {
    expect(ParticipantAccessRules.signInRefusal(link, { missionId: 'm1', linkGeneration: 3 })).toBe('superseded');
  });

  it('refuses an unknown or erased registration, and another mission’s', () => {
    expect(ParticipantAccessRules.signInRefusal(link, null)).toBe('invalid');
    expect(ParticipantAccessRules.signInRefusal(link, { missionId: 'm1', linkGeneration: 2, erasedAt: new Date() })).toBe('invalid');
    expect(ParticipantAccessRules.signInRefusal(link, { missionId: 'm2', linkGeneration: 2 })).toBe('invalid');
  });
});
