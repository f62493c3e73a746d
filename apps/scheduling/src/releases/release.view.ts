import { instant, uuid } from '#contracts';
import { z } from 'zod';
import { isVisibleTo, type AudiencedSession, type ProgrammeViewer } from '../programme/session-visibility.js';

/** A release as the API answers it; the schema also documents the responses. */
export const releaseView = z.object({
  missionId: uuid,
  number: z.number().int().positive(),
  publishedAt: instant,
  publishedBy: z.string().optional().describe("The organiser who published it: for the mission's organisers only."),
  note: z.string().nullable().describe('What the organiser said of the release, for everyone who reads the programme; null without one.'),
  changes: z
    .array(z.object({ sessionId: uuid, change: z.enum(['added', 'changed', 'cancelled']) }))
    .describe('Since the release before: added, then changed, then cancelled sessions.'),
});

export type ReleaseView = z.infer<typeof releaseView>;

export const releaseList = z.object({ items: z.array(releaseView).describe('The latest first.') });

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
