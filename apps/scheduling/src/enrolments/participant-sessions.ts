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
  const rows: TimedSessionRow[] = await manager.query(
    `SELECT s.id, s.title, s.starts_at, s.ends_at, s.route, v.city
       FROM sessions s LEFT JOIN venues v ON v.id = s.venue_id
      WHERE s.mission_id = $1 AND s.status = 'active'
        AND (s.id IN (SELECT session_id FROM enrolments WHERE registration_id = $2 AND status <> 'cancelled')
             OR s.speakers @> jsonb_build_array(jsonb_build_object('registrationId', $2::text)))`,
    [missionId, registrationId],
  );
  return rows.map(toTimedSession);
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
