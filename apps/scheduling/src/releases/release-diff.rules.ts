import type { Session } from '../programme/session.js';

/** What a release records of one session: whether it runs, and what a participant sees of it. */
export interface ReleasedSession {
  status: 'active' | 'cancelled';
  /** Everything participants see, in a fixed order, so that two equal sessions compare equal. */
  content: string;
}

export type Programme = Record<string, ReleasedSession>;
export type ReleaseChange = { sessionId: string; change: 'added' | 'changed' | 'cancelled' };

/**
 * The changes from the previous release's programme to the one being released: a session new and
 * running is added, one that ran and no longer does (cancelled or gone) is cancelled, one whose
 * content differs is changed. A session cancelled before it was ever released is not mentioned.
 */
export function releaseDiff(previous: Programme, next: Programme): ReleaseChange[] {
  const changes: ReleaseChange[] = [];
  for (const sessionId of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    const before = previous[sessionId];
    const after = next[sessionId];
    const ranBefore = before?.status === 'active';
    const runsNow = after?.status === 'active';
    if (!ranBefore && runsNow) changes.push({ sessionId, change: 'added' });
    else if (ranBefore && !runsNow) changes.push({ sessionId, change: 'cancelled' });
    else if (ranBefore && runsNow && before.content !== after.content) changes.push({ sessionId, change: 'changed' });
  }
  const order = { added: 0, changed: 1, cancelled: 2 };
  return changes.sort((a, b) => order[a.change] - order[b.change] || a.sessionId.localeCompare(b.sessionId));
}

/** What a release records of a session (see release-diff): everything a participant sees of it. */
export function releasedContent(session: Session): { status: Session['status']; content: string } {
  const { kind, title, description, startsAt, endsAt, venueId, route, hostEvent, capacity, languages, interpretation, audience, speakers } = session;
  // Only a session that uses them carries the programme's structure and translations: releases stored before them stay unchanged.
  const { parentSessionId, roomId, titles, descriptions } = session;
  const structured = parentSessionId || roomId || Object.keys(titles).length > 0 || Object.keys(descriptions).length > 0;
  return {
    status: session.status,
    content: JSON.stringify([
      kind,
      title,
      description,
      startsAt.toISOString(),
      endsAt.toISOString(),
      venueId,
      route,
      hostEvent,
      capacity,
      languages,
      interpretation,
      audience,
      speakers,
      ...(structured ? [{ parentSessionId, roomId, titles, descriptions }] : []),
    ]),
  };
}
