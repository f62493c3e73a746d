import type { ConsoleSession, ConsoleVenue } from './programme.service.js';

/** The sessions in time order, each followed by those it holds (at any depth), with how deep each is: the forum, then its panels. */
export function nested(sessions: readonly ConsoleSession[]): { session: ConsoleSession; depth: number }[] {
  const ids = new Set(sessions.map((session) => session.id));
  const children = new Map<string | null, ConsoleSession[]>();
  const byStart = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  for (const session of byStart) {
    const parent = session.parentSessionId && ids.has(session.parentSessionId) ? session.parentSessionId : null;
    children.set(parent, [...(children.get(parent) ?? []), session]);
  }
  const ordered: { session: ConsoleSession; depth: number }[] = [];
  const visit = (session: ConsoleSession, depth: number) => {
    ordered.push({ session, depth });
    for (const child of children.get(session.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return ordered;
}

/** The offset of `zone` at `instant`, in minutes east of UTC. */
function offsetAt(instant: number, zone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant a form's `datetime-local` value (`2019-06-12T09:30`) names on `zone`'s wall clock; undefined when it is none. */
export function wallClockInstant(local: string, zone: string): string | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(local)) return undefined;
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return undefined;
  const first = asUtc - offsetAt(asUtc, zone) * 60_000;
  return new Date(asUtc - offsetAt(first, zone) * 60_000).toISOString();
}

/**
 * The API body of a session added from the console form: a child takes its parent's venue unless
 * the form names another, and its parent's languages; times are the venue's wall clock.
 */
export function sessionBody(
  fields: Record<string, string>,
  sessions: readonly ConsoleSession[],
  venues: readonly ConsoleVenue[],
  missionZone: string,
): { body: Record<string, unknown> } | { errors: Record<string, string> } {
  const parent = sessions.find((session) => session.id === fields.parentSessionId);
  const venueId = fields.venueId || parent?.venue?.id || '';
  const venue = venues.find((candidate) => candidate.id === venueId);
  const zone = venue?.timezone ?? missionZone;
  const startsAt = wallClockInstant(fields.startsAt ?? '', zone);
  const endsAt = wallClockInstant(fields.endsAt ?? '', zone);
  const errors: Record<string, string> = {};
  if (!startsAt) errors.startsAt = 'required';
  if (!endsAt) errors.endsAt = 'required';
  const room = venue?.rooms.find((candidate) => candidate.id === fields.roomId);
  if (fields.roomId && !room) errors.roomId = 'not a room of the venue';
  const capacity = fields.capacity ? Number(fields.capacity) : undefined;
  if (capacity !== undefined && !(Number.isInteger(capacity) && capacity > 0)) errors.capacity = 'a whole number above 0';
  if (Object.keys(errors).length > 0) return { errors };
  const titleZh = fields.titleZh?.trim();
  return {
    body: {
      kind: fields.kind,
      title: fields.title?.trim() ?? '',
      ...(titleZh ? { titles: { zh: titleZh } } : {}),
      startsAt,
      endsAt,
      ...(venueId ? { venueId } : {}),
      ...(room ? { roomId: room.id } : {}),
      ...(capacity !== undefined ? { capacity } : {}),
      ...(parent ? { parentSessionId: parent.id } : {}),
      languages: (fields.languages ?? '')
        .split(/[\s,]+/)
        .map((language) => language.trim())
        .filter(Boolean),
      ...(fields.kind === 'panel_discussion'
        ? {
            speakers: [
              { role: 'moderator', name: fields.moderator?.trim() ?? '' },
              { role: 'panellist', name: fields.panellist?.trim() ?? '' },
            ],
          }
        : {}),
    },
  };
}
