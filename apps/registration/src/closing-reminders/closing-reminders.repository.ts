import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';

/** A mission whose registration closes within the horizon, with an offset due that was not announced for that closing time. */
export interface ClosingCandidate {
  missionId: string;
  closesAt: Date;
}

/** `closing_reminders_sent` and the reads that find closing reminders due from the settings as they stand. */
@Injectable()
export class ClosingRemindersRepository {
  async due(unit: UnitOfWork, now: Date, offsetsMs: readonly number[], limit: number): Promise<ClosingCandidate[]> {
    const rows = await unit.query<{ mission_id: string; closes_at: Date }>(
      sql(
        `SELECT s.mission_id, s.closes_at FROM registration_settings s
           CROSS JOIN LATERAL (SELECT min(o) AS ms FROM unnest($2::bigint[]) AS o WHERE s.closes_at <= $1::timestamptz + o * interval '1 millisecond') due
          WHERE s.closes_at > $1 AND s.closes_at <= $1::timestamptz + $3 * interval '1 millisecond' AND due.ms IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM closing_reminders_sent r WHERE r.mission_id = s.mission_id AND r.closes_at = s.closes_at AND r.offset_ms = due.ms)
          ORDER BY s.closes_at, s.mission_id LIMIT $4`,
        [now, offsetsMs, Math.max(0, ...offsetsMs), limit],
      ),
    );
    return rows.map((row) => ({ missionId: row.mission_id, closesAt: row.closes_at }));
  }

  /**
   * Whom to remind, if the mission still closes at `closesAt`: its registrations waiting for approval or
   * a seat, not erased. Holds the settings row (shared) until the transaction ends, so that a new closing
   * time is saved before (and this finds nothing) or after the announcement.
   */
  async holdAndWaiting(
    unit: UnitOfWork,
    missionId: string,
    closesAt: Date,
  ): Promise<{ registrationId: string; status: 'pending_approval' | 'waitlisted' }[] | null> {
    const rows = await unit.query<{ id: string | null; status: 'pending_approval' | 'waitlisted' | null }>(
      sql(
        `WITH held AS (SELECT mission_id FROM registration_settings WHERE mission_id = $1 AND closes_at = $2 FOR SHARE)
         SELECT r.id, r.status FROM held
           LEFT JOIN registrations r ON r.mission_id = held.mission_id AND r.status IN ('pending_approval', 'waitlisted') AND r.erased_at IS NULL
          ORDER BY r.id`,
        [missionId, closesAt],
      ),
    );
    if (rows.length === 0) return null;
    return rows.flatMap((row) => (row.id && row.status ? [{ registrationId: row.id, status: row.status }] : []));
  }

  /** Records the reminder as announced; false when it was already (another instance's transaction): nothing is announced then. */
  async record(unit: UnitOfWork, reminder: { missionId: string; closesAt: Date; offsetMs: number; offset: string; recipients: number }): Promise<boolean> {
    const rows = await unit.query(
      sql(
        `INSERT INTO closing_reminders_sent (mission_id, closes_at, offset_ms, reminder_offset, recipients)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING mission_id`,
        [reminder.missionId, reminder.closesAt, reminder.offsetMs, reminder.offset, reminder.recipients],
      ),
    );
    return rows.length > 0;
  }
}
