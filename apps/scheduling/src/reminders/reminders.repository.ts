import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';

export type ReminderSubject = 'session' | 'meeting';

/** Something that starts within the horizon and has a reminder due that was not announced. */
export interface ReminderCandidate {
  id: string;
  startsAt: Date;
}

/** A placed meeting as its reminder tells it. */
export interface RemindedMeeting {
  id: string;
  missionId: string;
  parties: string[];
  startsAt: Date;
  endsAt: Date;
  tableNumber: number;
  createdAt: Date;
  updatedAt: Date;
  venue: { name: string; city: string; timezone: string } | null;
}

interface MeetingRow {
  id: string;
  mission_id: string;
  requester_id: string;
  invitee_id: string;
  starts_at: Date;
  ends_at: Date;
  table_number: number;
  created_at: Date;
  updated_at: Date;
  venue_name: string | null;
  city: string | null;
  venue_timezone: string | null;
}

/** What may be reminded of, by kind: the partial indexes of migration 1732000001800 cover these. */
const subjects = {
  session: { table: 'sessions', remindable: `t.status = 'active' AND t.released_at IS NOT NULL` },
  meeting: { table: 'meetings', remindable: `t.status = 'accepted' AND t.slot_id IS NOT NULL` },
} as const;

/** Still there, and where a participant can be reminded: confirmed and not erased. */
const PRESENT = `p.status = 'confirmed' AND p.erased_at IS NULL`;

/**
 * `reminders_sent` (what was announced) and the reads that find reminders due from the sessions and
 * meetings as they stand. The offset due is computed here to pick candidates only; the service
 * decides with `dueOffset` on the locked row.
 */
@Injectable()
export class RemindersRepository {
  /**
   * Of `kind`, those that may be reminded of (released and active sessions, placed and accepted meetings) starting in
   * `(now, now + longest offset]`, whose shortest due offset was not announced for their start.
   */
  async due(unit: UnitOfWork, kind: ReminderSubject, now: Date, offsetsMs: readonly number[], limit: number): Promise<ReminderCandidate[]> {
    const { table, remindable } = subjects[kind];
    const rows = await unit.query<{ id: string; starts_at: Date }>(
      sql(
        `SELECT t.id, t.starts_at FROM ${table} t
           CROSS JOIN LATERAL (SELECT min(o) AS ms FROM unnest($2::bigint[]) AS o WHERE t.starts_at <= $1::timestamptz + o * interval '1 millisecond') due
          WHERE ${remindable} AND t.starts_at > $1 AND t.starts_at <= $1::timestamptz + $3 * interval '1 millisecond' AND due.ms IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM reminders_sent r
                             WHERE r.subject_kind = $5 AND r.subject_id = t.id AND r.starts_at = t.starts_at AND r.offset_ms = due.ms)
          ORDER BY t.starts_at, t.id LIMIT $4`,
        [now, offsetsMs, Math.max(0, ...offsetsMs), limit, kind],
      ),
    );
    return rows.map((row) => ({ id: row.id, startsAt: row.starts_at }));
  }

  /**
   * Holds the session, if it still starts at `startsAt`, active and released, until the transaction
   * ends: a move or cancellation (which lock it for update) waits for the announcement, or has gone
   * before and this finds nothing.
   */
  async holdSession(unit: UnitOfWork, sessionId: string, startsAt: Date): Promise<{ missionId: string } | null> {
    const [row] = await unit.query<{ mission_id: string }>(
      sql(`SELECT mission_id FROM sessions WHERE id = $1 AND starts_at = $2 AND status = 'active' AND released_at IS NOT NULL FOR SHARE`, [
        sessionId,
        startsAt,
      ]),
    );
    return row ? { missionId: row.mission_id } : null;
  }

  /** Whom a session reminds: the confirmed enrolments and the speakers who are participants, still in the mission. */
  async sessionRecipients(
    unit: UnitOfWork,
    session: { id: string; missionId: string },
    speakers: readonly string[],
  ): Promise<{ registrationId: string; role: 'enrolled' | 'speaker' }[]> {
    const rows = await unit.query<{ registration_id: string; role: 'enrolled' | 'speaker' }>(
      sql(
        `SELECT p.registration_id, 'speaker' AS role FROM participants p
          WHERE p.registration_id = ANY($2::uuid[]) AND p.mission_id = $3 AND ${PRESENT}
         UNION ALL
         SELECT e.registration_id, 'enrolled' AS role FROM enrolments e JOIN participants p ON p.registration_id = e.registration_id
          WHERE e.session_id = $1 AND e.status = 'confirmed' AND ${PRESENT} AND NOT (e.registration_id = ANY($2::uuid[]))
         ORDER BY registration_id`,
        [session.id, speakers, session.missionId],
      ),
    );
    return rows.map((row) => ({ registrationId: row.registration_id, role: row.role }));
  }

  /** Holds the meeting, if it is still accepted and placed at `startsAt` (see `holdSession`), with its parties still in the mission. */
  async holdMeeting(unit: UnitOfWork, meetingId: string, startsAt: Date): Promise<{ meeting: RemindedMeeting; present: string[] } | null> {
    const [row] = await unit.query<MeetingRow & { present: string[] }>(
      sql(
        `SELECT m.id, m.mission_id, m.requester_id, m.invitee_id, m.starts_at, m.ends_at, m.table_number, m.created_at, m.updated_at,
                v.name AS venue_name, v.city, v.timezone AS venue_timezone,
                ARRAY(SELECT p.registration_id FROM participants p
                       WHERE p.registration_id IN (m.requester_id, m.invitee_id) AND ${PRESENT} ORDER BY p.registration_id) AS present
           FROM meetings m LEFT JOIN sessions s ON s.id = m.block_id LEFT JOIN venues v ON v.id = s.venue_id
          WHERE m.id = $1 AND m.starts_at = $2 AND m.status = 'accepted' AND m.slot_id IS NOT NULL
            FOR SHARE OF m`,
        [meetingId, startsAt],
      ),
    );
    if (!row) return null;
    return {
      meeting: {
        id: row.id,
        missionId: row.mission_id,
        parties: [row.requester_id, row.invitee_id],
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        tableNumber: row.table_number,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        venue: row.venue_name ? { name: row.venue_name, city: row.city!, timezone: row.venue_timezone! } : null,
      },
      present: row.present,
    };
  }

  /**
   * Records the reminder as announced; false when it was already (another instance's transaction, which
   * this waits for on the key): the caller then announces nothing.
   */
  async record(
    unit: UnitOfWork,
    reminder: { kind: ReminderSubject; subjectId: string; startsAt: Date; offsetMs: number; offset: string; reminderId: string; recipients: number },
  ): Promise<boolean> {
    const rows = await unit.query(
      sql(
        `INSERT INTO reminders_sent (subject_kind, subject_id, starts_at, offset_ms, reminder_offset, reminder_id, recipients)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING reminder_id`,
        [reminder.kind, reminder.subjectId, reminder.startsAt, reminder.offsetMs, reminder.offset, reminder.reminderId, reminder.recipients],
      ),
    );
    return rows.length > 0;
  }
}
