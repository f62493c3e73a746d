import { calendarOf, type CalendarEntry } from '#common';
import { admits } from '../programme/enrolment.rules.js';
import { inLanguage } from '../programme/languages.js';
import { localIso } from '../programme/local-time.js';
import { ancestorsOf } from '../programme/nesting.rules.js';
import { anyone, isVisibleTo } from '../programme/session-visibility.js';
import type { Session } from '../programme/session.js';
import type { Room, Venue } from '../programme/venue.js';
import { routeView } from '../sessions/session.view.js';
import { toRoomView, toVenueView } from '../venues/venue.view.js';
import type { AgendaEntry, AgendaRole, ProgrammeEntry } from './agenda.view.js';

/** A placed meeting as the agenda's calendar shows it. */
export interface CalendarMeeting {
  meetingId: string;
  startsAt: string;
  endsAt: string;
  table: number;
  venue: { name: string; city: string } | null;
  sequence: number;
  updatedAt: Date;
}

/** A participant's enrolment in one session, not cancelled. */
export interface AgendaEnrolment {
  id: string;
  status: 'confirmed' | 'waitlisted';
}

export interface AgendaParticipant {
  registrationId: string;
  delegation: string | null;
  timezone: string;
}

/** What the entries need beside the sessions: their rooms, and the caller's languages (Accept-Language) for titles and names. */
export interface EntryContext {
  rooms?: ReadonlyMap<string, Room>;
  accepted?: readonly string[];
}

/**
 * A participant's part of the released programme: the sessions they hold a seat in or wait for,
 * those they speak at, and the transfers meant for them, in time order, each session that holds
 * others followed by those of them in the agenda (see `inProgrammeOrder`). A cancelled session
 * stays, marked cancelled, so that calendars remove it rather than keep a stale copy.
 */
export function agendaOf(
  participant: AgendaParticipant,
  sessions: readonly Session[],
  enrolments: ReadonlyMap<string, AgendaEnrolment>,
  venues: ReadonlyMap<string, Venue>,
  missionZone: string,
  context: EntryContext = {},
): AgendaEntry[] {
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const chosen: { session: Session; role: AgendaRole; enrolment: AgendaEnrolment | undefined }[] = [];
  for (const session of sessions) {
    if (!session.releasedAt) continue;
    const enrolment = enrolments.get(session.id);
    const role = roleOf(participant, session, enrolment?.status);
    if (role) chosen.push({ session, role, enrolment });
  }
  const of = new Map(chosen.map((entry) => [entry.session.id, entry]));
  return inProgrammeOrder(chosen.map((entry) => entry.session)).map((session) => {
    const { role, enrolment } = of.get(session.id)!;
    const entry = programmeEntry(session, venues.get(session.venueId ?? '') ?? null, missionZone, byId, context);
    return { ...entry, role, enrolmentId: enrolment?.id ?? null, participantTime: wallClock(session, participant.timezone) };
  });
}

/** The released programme as anyone may see it: every session but those by invitation only (see `isVisibleTo`), in programme order. */
export function publicProgramme(
  sessions: readonly Session[],
  venues: ReadonlyMap<string, Venue>,
  missionZone: string,
  context: EntryContext = {},
): ProgrammeEntry[] {
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const shown = sessions.filter((session) => session.releasedAt && isVisibleTo(session, anyone));
  return inProgrammeOrder(shown).map((session) => programmeEntry(session, venues.get(session.venueId ?? '') ?? null, missionZone, byId, context));
}

/**
 * Sessions in time order, each followed by those of them it holds (in time order, at any depth): the
 * forum, its three panels, then what comes next. A session whose parent is not among them takes its
 * place by its own time.
 */
export function inProgrammeOrder(sessions: readonly Session[]): Session[] {
  const ids = new Set(sessions.map((session) => session.id));
  const children = new Map<string | null, Session[]>();
  for (const session of [...sessions].sort(inTimeOrder)) {
    const parent = session.parentSessionId !== null && ids.has(session.parentSessionId) ? session.parentSessionId : null;
    children.set(parent, [...(children.get(parent) ?? []), session]);
  }
  const ordered: Session[] = [];
  const visit = (session: Session) => {
    ordered.push(session);
    for (const child of children.get(session.id) ?? []) visit(child);
  };
  for (const root of children.get(null) ?? []) visit(root);
  return ordered;
}

function roleOf(participant: AgendaParticipant, session: Session, enrolment: 'confirmed' | 'waitlisted' | undefined): AgendaRole | null {
  const speaker = session.speakers.find((candidate) => candidate.registrationId === participant.registrationId);
  if (speaker) return speaker.role;
  if (enrolment) return enrolment === 'confirmed' ? 'enrolled' : 'waitlisted';
  if (session.kind === 'transfer' && admits(session.audience, participant)) return 'travelling';
  return null;
}

function programmeEntry(
  session: Session,
  venue: Venue | null,
  missionZone: string,
  sessions: ReadonlyMap<string, Session>,
  { rooms, accepted = [] }: EntryContext,
): ProgrammeEntry {
  const parent = session.parentSessionId ? sessions.get(session.parentSessionId) : undefined;
  const parents = new Map([...sessions.values()].map((one) => [one.id, one.parentSessionId]));
  const room = session.roomId ? rooms?.get(session.roomId) : undefined;
  return {
    sessionId: session.id,
    kind: session.kind,
    title: inLanguage(session.title, session.titles, accepted),
    description: inLanguage(session.description, session.descriptions, accepted),
    parent: parent ? { sessionId: parent.id, title: inLanguage(parent.title, parent.titles, accepted) } : null,
    depth: ancestorsOf(session.parentSessionId, parents).length,
    status: session.status === 'active' ? 'scheduled' : 'cancelled',
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    venueTime: wallClock(session, venue?.timezone ?? missionZone),
    venue: venue ? toVenueView(venue, accepted) : null,
    room: room ? toRoomView(room, accepted) : null,
    route: session.route && routeView(session.route),
    hostEvent: session.hostEvent,
    languages: session.languages,
    interpretation: session.interpretation.map(({ from, to }) => ({ from, to })),
    speakers: session.speakers.map(({ role, name }) => ({ role, name })),
    sequence: session.sequence,
  };
}

function wallClock(session: Pick<Session, 'startsAt' | 'endsAt'>, timezone: string) {
  return { timezone, startsAt: localIso(session.startsAt, timezone), endsAt: localIso(session.endsAt, timezone) };
}

function inTimeOrder(a: Session, b: Session): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * RFC 5545: one VEVENT per session, its UID the session's id (stable, so calendar apps update the
 * event instead of adding another) and its SEQUENCE the session's, bumped on every change. Times are
 * UTC instants, which every calendar shows in its user's zone.
 */
export function toCalendar(
  name: string,
  entries: readonly (ProgrammeEntry & { role?: AgendaRole })[],
  updatedAt: ReadonlyMap<string, Date>,
  meetings: readonly CalendarMeeting[] = [],
): string {
  return calendarOf(
    [
      ...meetings.map((meeting) => meetingCalendarEntry(meeting)),
      ...entries.map((entry): CalendarEntry => ({
        id: entry.sessionId,
        sequence: entry.sequence,
        stamp: updatedAt.get(entry.sessionId) ?? new Date(entry.startsAt),
        start: new Date(entry.startsAt),
        end: new Date(entry.endsAt),
        summary: entry.route ? `${entry.title} (${entry.route.from} → ${entry.route.to})` : entry.title,
        location: entry.venue ? [entry.room?.name, entry.venue.name, entry.venue.address, entry.venue.city].filter(Boolean).join(', ') : null,
        description: describe(entry),
        status: entry.status === 'cancelled' ? 'cancelled' : entry.role === 'waitlisted' ? 'tentative' : 'confirmed',
        parentId: entry.parent?.sessionId ?? null,
      })),
    ],
    { name },
  );
}

/** A meeting's UID is its id and its SEQUENCE the seconds since it was requested at its last change, so a moved meeting replaces its old copy. */
function meetingCalendarEntry(meeting: CalendarMeeting): CalendarEntry {
  return {
    id: meeting.meetingId,
    sequence: meeting.sequence,
    stamp: meeting.updatedAt,
    start: new Date(meeting.startsAt),
    end: new Date(meeting.endsAt),
    summary: `B2B meeting, table ${meeting.table}`,
    location: meeting.venue ? `${meeting.venue.name}, ${meeting.venue.city}` : null,
    description: 'One-to-one meeting from the matchmaking timetable.',
    status: 'confirmed',
  };
}

function describe(entry: ProgrammeEntry & { role?: AgendaRole }): string {
  return [
    entry.kind.replaceAll('_', ' '),
    entry.parent ? `Part of ${entry.parent.title}` : null,
    entry.room ? `Room: ${entry.room.name}` : null,
    entry.hostEvent ? `Part of ${entry.hostEvent}` : null,
    `Languages: ${entry.languages.join(', ')}`,
    entry.interpretation.length ? `Interpretation: ${entry.interpretation.map((pair) => `${pair.from}→${pair.to}`).join(', ')}` : null,
    entry.speakers.length ? entry.speakers.map((speaker) => `${speaker.role}: ${speaker.name}`).join('; ') : null,
    entry.role === 'waitlisted' ? 'You are on the waitlist.' : null,
    entry.description,
  ]
    .filter((line): line is string => Boolean(line))
    .join('\n');
}
