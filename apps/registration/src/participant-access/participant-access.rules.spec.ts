import { ParticipantAccessRules } from './participant-access.rules.js';

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
