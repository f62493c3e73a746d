import type { CloudEvent } from '#contracts';
import { describeConflict, type ParticipantConflict } from '../enrolments/conflict.rules.js';
import type { MissionEntity } from '../missions/mission.entity.js';
import type { VenueEntity } from '../venues/venue.entity.js';
import { toVenueView, type VenueView } from '../venues/venue.view.js';
import type { SessionEntity } from './session.entity.js';

export interface SessionView {
  id: string;
  missionId: string;
  kind: SessionEntity['kind'];
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  /** The zone the session is shown in: its venue's, else the mission's. */
  timezone: string;
  venue: VenueView | null;
  route: SessionEntity['route'];
  hostEvent: string | null;
  capacity: number | null;
  languages: string[];
  interpretation: SessionEntity['interpretation'];
  audience: SessionEntity['audience'];
  speakers: SessionEntity['speakers'];
  status: SessionEntity['status'];
  cancellationReason: string | null;
  /** Draft until a release has published it. */
  released: boolean;
  sequence: number;
  enrolments: { confirmed: number; waitlisted: number };
  updatedAt: string;
}

/**
 * A participant whom a change of time or place puts in conflict with another of their sessions, as the
 * organiser who made the change is told (the change is made: moving a day of the programme may need
 * several steps, and the participant may prefer the moved session).
 */
export interface ParticipantConflictView {
  registrationId: string;
  kind: 'overlap' | 'transfer';
  session: { id: string; title: string; startsAt: string; endsAt: string };
  detail: string;
}

export function toParticipantConflictView({ registrationId, conflict }: ParticipantConflict): ParticipantConflictView {
  const { session } = conflict;
  return {
    registrationId,
    kind: conflict.kind,
    session: { id: session.sessionId, title: session.title, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() },
    detail: describeConflict(conflict),
  };
}

export function toSessionView(
  session: SessionEntity,
  venue: VenueEntity | null,
  mission: Pick<MissionEntity, 'timezone'>,
  enrolments = { confirmed: 0, waitlisted: 0 },
): SessionView {
  return {
    id: session.id,
    missionId: session.missionId,
    kind: session.kind,
    title: session.title,
    description: session.description,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timezone: venue?.timezone ?? mission.timezone,
    venue: venue ? toVenueView(venue) : null,
    route: session.route && { from: session.route.from, to: session.route.to },
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

/** What the session.* events carry of a session. */
export function toSessionSnapshot(
  session: SessionEntity,
  venue: VenueEntity | null,
  mission: Pick<MissionEntity, 'timezone'>,
): CloudEvent<'session.scheduled'>['data'] {
  return {
    sessionId: session.id,
    missionId: session.missionId,
    kind: session.kind,
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timezone: venue?.timezone ?? mission.timezone,
    venue: venueOfEvents(venue),
    capacity: session.capacity,
  };
}

export function venueOfEvents(venue: VenueEntity | null) {
  return venue ? { name: venue.name, city: venue.city, timezone: venue.timezone, address: venue.address } : null;
}

/** What a release records of a session (see release-diff): everything a participant sees of it. */
export function releasedContent(session: SessionEntity): { status: SessionEntity['status']; content: string } {
  const { kind, title, description, startsAt, endsAt, venueId, route, hostEvent, capacity, languages, interpretation, audience, speakers } = session;
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
    ]),
  };
}
