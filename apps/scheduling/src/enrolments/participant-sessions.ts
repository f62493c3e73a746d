import type { EntityManager } from 'typeorm';
import type { SessionEntity } from '../sessions/session.entity.js';
import type { VenueEntity } from '../venues/venue.entity.js';
import type { TimedSession } from './conflict.rules.js';

/** A session row as the conflict rules need it: its venue's city, or a transfer's route. */
interface TimedSessionRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  route: { from: string; to: string } | null;
  city: string | null;
}

/** The running sessions a participant is in (enrolled, waitlisted or speaking), as the conflict rules see them. */
export async function sessionsOfParticipant(manager: EntityManager, missionId: string, registrationId: string): Promise<TimedSession[]> {
  return (await sessionsOfParticipants(manager, missionId, [registrationId])).get(registrationId) ?? [];
}

/**
 * `sessionsOfParticipant` for many participants in one statement, by registration id (each one given is in the map).
 * A matchmaking run leaves the B2B meeting blocks out: its meetings take place in them, so being in a block
 * does not keep anyone from its slots.
 */
export async function sessionsOfParticipants(
  manager: EntityManager,
  missionId: string,
  registrationIds: readonly string[],
  options: { withoutMeetingBlocks?: boolean } = {},
): Promise<Map<string, TimedSession[]>> {
  const sessions = new Map<string, TimedSession[]>(registrationIds.map((id) => [id, []]));
  if (registrationIds.length === 0) return sessions;
  // Enrolments by participant (their index), speakers by one pass over the mission's sessions: no per-pair subquery.
  const rows: (TimedSessionRow & { registration_id: string })[] = await manager.query(
    `SELECT e.registration_id, s.id, s.title, s.starts_at, s.ends_at, s.route, v.city
       FROM enrolments e JOIN sessions s ON s.id = e.session_id LEFT JOIN venues v ON v.id = s.venue_id
      WHERE e.registration_id = ANY($2::uuid[]) AND e.status <> 'cancelled' AND s.mission_id = $1 AND s.status = 'active'
        AND NOT ($3::boolean AND s.kind = 'b2b_meeting_block')
     UNION
     SELECT (speaker ->> 'registrationId')::uuid, s.id, s.title, s.starts_at, s.ends_at, s.route, v.city
       FROM sessions s CROSS JOIN LATERAL jsonb_array_elements(s.speakers) AS speaker LEFT JOIN venues v ON v.id = s.venue_id
      WHERE s.mission_id = $1 AND s.status = 'active' AND (speaker ->> 'registrationId')::uuid = ANY($2::uuid[])
        AND NOT ($3::boolean AND s.kind = 'b2b_meeting_block')`,
    [missionId, registrationIds, options.withoutMeetingBlocks ?? false],
  );
  for (const row of rows) sessions.get(row.registration_id)?.push(toTimedSession(row));
  return sessions;
}

/** A transfer starts in one city and ends in another; any other session is where its venue is. */
function toTimedSession(row: TimedSessionRow): TimedSession {
  return {
    sessionId: row.id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    startCity: row.route?.from ?? row.city,
    endCity: row.route?.to ?? row.city,
  };
}

/** A session as it is stored, at its venue, as the conflict rules see it. */
export function timedSessionOf(
  session: Pick<SessionEntity, 'id' | 'title' | 'startsAt' | 'endsAt' | 'route'>,
  venue: Pick<VenueEntity, 'city'> | null,
): TimedSession {
  return toTimedSession({
    id: session.id,
    title: session.title,
    starts_at: session.startsAt,
    ends_at: session.endsAt,
    route: session.route,
    city: venue?.city ?? null,
  });
}
