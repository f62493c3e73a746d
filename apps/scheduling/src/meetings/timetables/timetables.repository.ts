import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';

/** A placed meeting of a participant, with its block's venue. */
export interface PlacedMeeting {
  id: string;
  requesterId: string;
  inviteeId: string;
  /** Everyone attending with their side (the two parties included). */
  attendees: { registrationId: string; side: 'requester' | 'invitee' }[];
  startsAt: Date;
  endsAt: Date;
  tableNumber: number;
  blockId: string;
  outcome: 'held' | 'no_show' | null;
  createdAt: Date;
  updatedAt: Date;
  venue: { name: string; city: string; timezone: string } | null;
}

interface PlacedMeetingRow {
  id: string;
  requester_id: string;
  invitee_id: string;
  attendees: { registrationId: string; side: 'requester' | 'invitee' }[];
  starts_at: Date;
  ends_at: Date;
  table_number: number;
  block_id: string;
  outcome: 'held' | 'no_show' | null;
  created_at: Date;
  updated_at: Date;
  venue_name: string | null;
  city: string | null;
  venue_timezone: string | null;
}

/** Participants' timetables: their placed meetings, and whom a run has sent one. */
@Injectable()
export class TimetablesRepository {
  /** The participant's meetings as the last run announced them, in time order (then by table). */
  async placedMeetings(unit: UnitOfWork, missionId: string, registrationId: string): Promise<PlacedMeeting[]> {
    const rows = await unit.query<PlacedMeetingRow>(
      sql(
        `SELECT m.id, m.requester_id, m.invitee_id, m.starts_at, m.ends_at, m.table_number, m.block_id, m.outcome, m.created_at, m.updated_at,
                v.name AS venue_name, v.city, v.timezone AS venue_timezone,
                (SELECT json_agg(json_build_object('registrationId', a.registration_id, 'side', a.side) ORDER BY a.side DESC, a.registration_id NOT IN (m.requester_id, m.invitee_id), a.registration_id)
                   FROM meeting_attendees a WHERE a.meeting_id = m.id) AS attendees
           FROM meetings m LEFT JOIN sessions s ON s.id = m.block_id LEFT JOIN venues v ON v.id = s.venue_id
          WHERE m.mission_id = $1 AND m.status = 'accepted' AND m.slot_id IS NOT NULL
            AND (m.requester_id = $2 OR m.invitee_id = $2 OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.registration_id = $2))
          ORDER BY m.starts_at, m.table_number`,
        [missionId, registrationId],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      requesterId: row.requester_id,
      inviteeId: row.invitee_id,
      attendees: row.attendees ?? [
        { registrationId: row.requester_id, side: 'requester' },
        { registrationId: row.invitee_id, side: 'invitee' },
      ],
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      tableNumber: row.table_number,
      blockId: row.block_id,
      outcome: row.outcome,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      venue: row.venue_name ? { name: row.venue_name, city: row.city!, timezone: row.venue_timezone! } : null,
    }));
  }

  /** Of `registrationIds`, those who were sent a timetable before. */
  async publishedTo(unit: UnitOfWork, registrationIds: readonly string[]): Promise<Set<string>> {
    const rows = await unit.query<{ registration_id: string }>(
      sql(`SELECT registration_id FROM meeting_timetables WHERE registration_id = ANY ($1)`, [registrationIds]),
    );
    return new Set(rows.map((row) => row.registration_id));
  }

  /** The participants were sent a timetable by the run (the first run that did so stays recorded). */
  async markPublished(unit: UnitOfWork, registrationIds: readonly string[], missionId: string, runId: string): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO meeting_timetables (registration_id, mission_id, first_run_id, last_run_id)
         SELECT id, $2, $3, $3 FROM unnest($1::uuid[]) AS id
         ON CONFLICT (registration_id) DO UPDATE SET last_run_id = EXCLUDED.last_run_id`,
        [registrationIds, missionId, runId],
      ),
    );
  }
}
