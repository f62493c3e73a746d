import { calendarOf, type CalendarEntry } from '#common';
import { admits } from '../programme/enrolment.rules.js';
import { localIso } from '../programme/local-time.js';
import { anyone, isVisibleTo } from '../programme/session-visibility.js';
import type { Session } from '../programme/session.js';
import type { Venue } from '../programme/venue.js';
import { toVenueView } from '../venues/venue.view.js';
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

/**
 * A participant's part of the released programme: the sessions they hold a seat in or wait for,
 * those they speak at, and the transfers meant for them, in time order. A cancelled session stays,
 * marked cancelled, so that calendars remove it rather than keep a stale copy.
 */
export function agendaOf(
  participant: AgendaParticipant,
  sessions: readonly Session[],
  enrolments: ReadonlyMap<string, AgendaEnrolment>,
  venues: ReadonlyMap<string, Venue>,
  missionZone: string,
): AgendaEntry[] {
  const entries: AgendaEntry[] = [];
  for (const session of [...sessions].sort(inTimeOrder)) {
    if (!session.releasedAt) continue;
    const enrolment = enrolments.get(session.id);
    const role = roleOf(participant, session, enrolment?.status);
    if (!role) continue;
    const entry = programmeEntry(session, venues.get(session.venueId ?? '') ?? null, missionZone);
    entries.push({ ...entry, role, enrolmentId: enrolment?.id ?? null, participantTime: wallClock(session, participant.timezone) });
  }
  return entries;
}

/** The released programme as anyone may see it: every session but those by invitation only (see `isVisibleTo`). */
export function publicProgramme(sessions: readonly Session[], venues: ReadonlyMap<string, Venue>, missionZone: string): ProgrammeEntry[] {
  return [...sessions]
    .sort(inTimeOrder)
    .filter((session) => session.releasedAt && isVisibleTo(session, anyone))
    .map((session) => programmeEntry(session, venues.get(session.venueId ?? '') ?? null, missionZone));
}

function roleOf(participant: AgendaParticipant, session: Session, enrolment: 'confirmed' | 'waitlisted' | undefined): AgendaRole | null {
  const speaker = session.speakers.find((candidate) => candidate.registrationId === participant.registrationId);
  if (speaker) return speaker.role;
  if (enrolment) return enrolment === 'confirmed' ? 'enrolled' : 'waitlisted';
  if (session.kind === 'transfer' && admits(session.audience, participant)) return 'travelling';
  return null;
}

function programmeEntry(session: Session, venue: Venue | null, missionZone: string): ProgrammeEntry {
  return {
    sessionId: session.id,
    kind: session.kind,
    title: session.title,
    description: session.description,
    status: session.status === 'active' ? 'scheduled' : 'cancelled',
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    venueTime: wallClock(session, venue?.timezone ?? missionZone),
    venue: venue ? toVenueView(venue) : null,
    route: session.route && { from: session.route.from, to: session.route.to },
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
        location: entry.venue ? `${entry.venue.name}, ${entry.venue.address}, ${entry.venue.city}` : null,
        description: describe(entry),
        status: entry.status === 'cancelled' ? 'cancelled' : entry.role === 'waitlisted' ? 'tentative' : 'confirmed',
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
