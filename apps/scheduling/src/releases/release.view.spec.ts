import type { AudiencedSession, ProgrammeViewer } from '../programme/session-visibility.js';
import { releaseSeenBy, type ReleaseView } from './release.view.js';

const panel: AudiencedSession = { id: 's-panel', audience: { kind: 'all' }, speakers: [] };
const dinner: AudiencedSession = { id: 's-dinner', audience: { kind: 'invitation', registrationIds: ['r-dora'] }, speakers: [] };
const sessions = new Map([panel, dinner].map((session) => [session.id, session]));

const release: ReleaseView = {
  missionId: 'm',
  number: 2,
  publishedAt: '2019-06-01T08:00:00.000Z',
  publishedBy: 'laura.puig@bcn.cat',
  note: 'The panel moves to the afternoon.',
  changes: [
    { sessionId: 's-panel', change: 'changed' },
    { sessionId: 's-dinner', change: 'added' },
  ],
};
const participant = (registrationId: string): ProgrammeViewer => ({ kind: 'participant', registrationId, enrolledIn: new Set() });

describe('releaseSeenBy', () => {
  it('gives an organiser the whole release, who published it and every change', () => {
    expect(releaseSeenBy(release, { kind: 'organiser' }, new Map())).toEqual(release);
  });

  it('tells anyone else neither who published it nor the changes to sessions by invitation only that do not concern them', () => {
    for (const viewer of [{ kind: 'anyone' } as const, participant('r-ben')]) {
      const seen = releaseSeenBy(release, viewer, sessions);
      expect(seen).toEqual({
        missionId: 'm',
        number: 2,
        publishedAt: release.publishedAt,
        note: release.note,
        changes: [{ sessionId: 's-panel', change: 'changed' }],
      });
      expect('publishedBy' in seen).toBe(false);
    }
  });

  it('shows an invited participant the change to their session, still without who published it', () => {
    expect(releaseSeenBy(release, participant('r-dora'), sessions)).toEqual({
      missionId: 'm',
      number: 2,
      publishedAt: release.publishedAt,
      note: release.note,
      changes: release.changes,
    });
  });

  it('leaves out a change to a session it was not given', () => {
    expect(releaseSeenBy(release, { kind: 'anyone' }, new Map([[panel.id, panel]])).changes).toEqual([{ sessionId: 's-panel', change: 'changed' }]);
  });
});
