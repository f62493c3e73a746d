import { pageOf } from '#common';
import { instant, languageTag, sessionKinds, timeZone, uuid } from '#contracts';
import { z } from 'zod';
import { describeConflict, type ParticipantConflict } from '../programme/conflict.rules.js';
import type { Mission } from '../missions/mission.js';
import type { Route, Session } from '../programme/session.js';
import type { Venue } from '../programme/venue.js';
import { inLanguage } from '../programme/languages.js';
import type { Room } from '../programme/venue.js';
import { roomView, toRoomView, toVenueView, venueView } from '../venues/venue.view.js';
import { speakerRoles } from './session.schema.js';

const count = z.number().int().nonnegative();

/** A session as the API answers it; the schema also documents the responses. */
export const sessionView = z.object({
  id: uuid,
  missionId: uuid,
  kind: z.enum(sessionKinds),
  title: z.string().describe("In the caller's language (Accept-Language) if the session has it, else in the mission's first language."),
  titles: z.record(z.string(), z.string()).describe("The title's translations, by language tag, beside the one in the mission's first language."),
  description: z.string().nullable().describe('As `title`; else in any language it has.'),
  descriptions: z.record(z.string(), z.string()).describe("The description's translations, by language tag."),
  parentSessionId: uuid.nullable().describe('The session that holds this one (the forum of a panel); null for one at the top of the programme.'),
  startsAt: instant,
  endsAt: instant,
  timezone: timeZone.describe("The zone the session is shown in: its venue's, else the mission's."),
  venue: venueView.nullable().describe('Null for a transfer without one.'),
  room: roomView.nullable().describe('The room of the venue it takes; null for the whole venue.'),
  route: z
    .object({ from: z.string(), to: z.string(), fromVenueId: uuid.optional(), toVenueId: uuid.optional() })
    .nullable()
    .describe("A transfer's journey between two of the mission's cities, or between two venues (named) of one city; null for any other session."),
  hostEvent: z.string().nullable().describe("A side event's host event, e.g. a trade fair; null for any other session."),
  capacity: z.number().int().positive().nullable().describe('Seats; null for no limit.'),
  languages: z.array(languageTag),
  interpretation: z.array(z.object({ from: languageTag, to: languageTag })),
  audience: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('all') }),
      z.object({ kind: z.literal('delegations'), delegations: z.array(z.string()) }),
      z.object({ kind: z.literal('invitation'), registrationIds: z.array(uuid).describe("Empty for anyone but the mission's organisers.") }),
    ])
    .describe('Who may enrol: everyone, the delegations named, or the participants invited.'),
  speakers: z.array(
    z.object({
      role: z.enum(speakerRoles),
      name: z.string(),
      registrationId: uuid.optional().describe("When the speaker is a registered participant; for the mission's organisers only."),
    }),
  ),
  status: z.enum(['active', 'cancelled']),
  cancellationReason: z.string().nullable(),
  released: z.boolean().describe('Draft (false) until a release has published it.'),
  sequence: count.describe('Bumped on every change, for calendar apps (iCalendar SEQUENCE).'),
  enrolments: z.object({ confirmed: count, waitlisted: count }).describe('Participants holding a seat, and waiting for one.'),
  updatedAt: instant,
});

export type SessionView = z.infer<typeof sessionView>;

export const sessionPage = pageOf(sessionView);

/**
 * A participant whom a change of time or place puts in conflict with another of their sessions, as the
 * organiser who made the change is told (the change is made: moving a day of the programme may need
 * several steps, and the participant may prefer the moved session).
 */
export const participantConflictView = z.object({
  registrationId: uuid,
  kind: z.enum(['overlap', 'transfer']).describe('`overlap`: at the same time; `transfer`: too little time to travel between the two cities.'),
  session: z.object({ id: uuid, title: z.string(), startsAt: instant, endsAt: instant }).describe('The other session.'),
  detail: z.string().describe('The conflict in words.'),
});

export type ParticipantConflictView = z.infer<typeof participantConflictView>;

/** The answer to a change of a session. */
export const changedSessionView = sessionView.extend({
  participantConflicts: z
    .array(participantConflictView)
    .describe('Those enrolled, waiting or speaking whom a new time or place puts in conflict with another of their sessions; empty when neither changed.'),
});

export function toParticipantConflictView({ registrationId, conflict }: ParticipantConflict): ParticipantConflictView {
  const { session } = conflict;
  return {
    registrationId,
    kind: conflict.kind,
    session: { id: session.sessionId, title: session.title, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() },
    detail: describeConflict(conflict),
  };
}

/** The session as the API answers it, its texts in the first of `accepted` languages it has (see `inLanguage`). */
export function toSessionView(
  session: Session,
  place: { venue: Venue | null; room: Room | null },
  mission: Pick<Mission, 'timezone'>,
  enrolments = { confirmed: 0, waitlisted: 0 },
  accepted: readonly string[] = [],
): SessionView {
  const { venue, room } = place;
  return {
    id: session.id,
    missionId: session.missionId,
    kind: session.kind,
    title: inLanguage(session.title, session.titles, accepted),
    titles: session.titles,
    description: inLanguage(session.description, session.descriptions, accepted),
    descriptions: session.descriptions,
    parentSessionId: session.parentSessionId,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timezone: venue?.timezone ?? mission.timezone,
    venue: venue ? toVenueView(venue, accepted) : null,
    room: room ? toRoomView(room, accepted) : null,
    route: session.route && routeView(session.route),
    hostEvent: session.hostEvent,
    capacity: session.capacity,
    languages: session.languages,
    interpretation: session.interpretation.map(({ from, to }) => ({ from, to })),
    audience: session.audience,
    speakers: session.speakers,
    status: session.status,
    cancellationReason: session.cancellationReason,
    released: session.releasedAt !== null,
    sequence: session.sequence,
    enrolments,
    updatedAt: session.updatedAt.toISOString(),
  };
}

/** A session as anyone but its organisers sees it: not who is invited, nor which participant a speaker is. */
export function withoutParticipants(view: SessionView): SessionView {
  return {
    ...view,
    audience: view.audience.kind === 'invitation' ? { kind: 'invitation', registrationIds: [] } : view.audience,
    speakers: view.speakers.map(({ role, name }) => ({ role, name })),
  };
}

export function routeView(route: Route): { from: string; to: string; fromVenueId?: string; toVenueId?: string } {
  return {
    from: route.from,
    to: route.to,
    ...(route.fromVenueId ? { fromVenueId: route.fromVenueId } : {}),
    ...(route.toVenueId ? { toVenueId: route.toVenueId } : {}),
  };
}
