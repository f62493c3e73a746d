import type { EntityManager } from 'typeorm';
import type { TimedSession } from './conflict.rules.js';

/** A session row as the conflict rules need it: its venue's city, or a transfer's route. */
export interface TimedSessionRow {
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

/** `sessionsOfParticipant` for many participants in one statement, by registration id (each one given is in the map). */
export async function sessionsOfParticipants(
  manager: EntityManager,
  missionId: string,
  registrationIds: readonly string[],
): Promise<Map<string, TimedSession[]>> {
  const sessions = new Map<string, TimedSession[]>(registrationIds.map((id) => [id, []]));
  if (registrationIds.length === 0) return sessions;
  const rows: (TimedSessionRow & { registration_id: string })[] = await manager.query(
    `SELECT p.registration_id, s.id, s.title, s.starts_at, s.ends_at, s.route, v.city
       FROM unnest($2::uuid[]) AS p (registration_id)
       JOIN sessions s ON s.mission_id = $1 AND s.status = 'active'
        AND (s.id IN (SELECT e.session_id FROM enrolments e WHERE e.registration_id = p.registration_id AND e.status <> 'cancelled')
             OR s.speakers @> jsonb_build_array(jsonb_build_object('registrationId', p.registration_id::text)))
       LEFT JOIN venues v ON v.id = s.venue_id`,
    [missionId, registrationIds],
  );
  for (const row of rows) sessions.get(row.registration_id)?.push(toTimedSession(row));
  return sessions;
}

/** A transfer starts in one city and ends in another; any other session is where its venue is. */
export function toTimedSession(row: TimedSessionRow): TimedSession {
  return {
    sessionId: row.id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    startCity: row.route?.from ?? row.city,
    endCity: row.route?.to ?? row.city,
  };
}
