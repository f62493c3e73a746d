import { isVisibleTo, type AudiencedSession, type ProgrammeViewer } from '../sessions/session-visibility.js';
import type { ReleaseChange } from './release-diff.js';

export interface ReleaseView {
  missionId: string;
  number: number;
  publishedAt: string;
  /** The organiser who published it: for the mission's organisers only. */
  publishedBy?: string;
  changes: ReleaseChange[];
}

/**
 * A release as `viewer` may see it. Who published it (an organiser's login, often an e-mail address)
 * is for the organisers. A change to a session that does not exist for the viewer (see `isVisibleTo`)
 * is left out, as the session itself is; `sessions` are the mission's, by id, and a change to one not
 * among them is left out too.
 */
export function releaseSeenBy(release: ReleaseView, viewer: ProgrammeViewer, sessions: ReadonlyMap<string, AudiencedSession>): ReleaseView {
  if (viewer.kind === 'organiser') return release;
  const { publishedBy: _organisersOnly, ...seen } = release;
  return {
    ...seen,
    changes: release.changes.filter((change) => {
      const session = sessions.get(change.sessionId);
      return session !== undefined && isVisibleTo(session, viewer);
    }),
  };
}
