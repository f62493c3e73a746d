import { anyone, isVisibleTo, type AudiencedSession, type ProgrammeViewer } from './session-visibility.js';

const dinner: AudiencedSession = {
  id: 's-dinner',
  audience: { kind: 'invitation', registrationIds: ['r-dora'] },
  speakers: [
    { role: 'speaker', name: 'Carl', registrationId: 'r-carl' },
    { role: 'speaker', name: 'The Mayor' },
  ],
};
const participant = (registrationId: string, enrolledIn: string[] = []): ProgrammeViewer => ({
  kind: 'participant',
  registrationId,
  enrolledIn: new Set(enrolledIn),
});

describe('isVisibleTo', () => {
  it('shows a session open to all or to some delegations to everyone, as the public programme does', () => {
    for (const audience of [{ kind: 'all' as const }, { kind: 'delegations' as const, delegations: ['Rome'] }]) {
      const session = { ...dinner, audience };
      expect(isVisibleTo(session, anyone)).toBe(true);
      expect(isVisibleTo(session, participant('r-ben'))).toBe(true);
    }
  });

  it('shows a session by invitation only to the mission’s organisers and to the participants invited, speaking or enrolled', () => {
    expect(isVisibleTo(dinner, { kind: 'organiser' })).toBe(true);
    expect(isVisibleTo(dinner, participant('r-dora'))).toBe(true);
    expect(isVisibleTo(dinner, participant('r-carl'))).toBe(true);
    // An organiser enrolled Ana without inviting her: it is in her agenda, so it exists for her.
    expect(isVisibleTo(dinner, participant('r-ana', ['s-other', 's-dinner']))).toBe(true);
  });

  it('hides it from anyone else, and from a participant enrolled only in other sessions', () => {
    expect(isVisibleTo(dinner, anyone)).toBe(false);
    expect(isVisibleTo(dinner, participant('r-ben'))).toBe(false);
    expect(isVisibleTo(dinner, participant('r-ben', ['s-other']))).toBe(false);
  });
});
