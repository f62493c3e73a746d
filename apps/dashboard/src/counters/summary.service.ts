import { assertOrganiserOf, type Caller } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { eventLogRepository } from '../event-log/event-log.repository.js';
import { summarise, type MissionSummary } from './summary.js';

@Injectable()
export class SummaryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(caller: Caller, missionId: string): Promise<MissionSummary> {
    assertOrganiserOf(caller, missionId);
    // One snapshot for every count and the stream position, so they describe the same moment.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const registrations: { status: string; delegation: string | null; country: string | null; count: number }[] = await manager.query(
        // A row made by a check-in that overtook its registration's events is not counted until they arrive.
        `SELECT status, delegation, country, count(*)::int AS count FROM registrations
          WHERE mission_id = $1 AND as_of > '-infinity' GROUP BY status, delegation, country`,
        [missionId],
      );
      const [{ checked_in: checkedIn }]: { checked_in: number }[] = await manager.query(
        `SELECT count(*)::int AS checked_in FROM registrations WHERE mission_id = $1 AND checked_in_at IS NOT NULL AND status = 'confirmed'`,
        [missionId],
      );
      const sessions: { session_id: string; kind: string; title: string; starts_at: Date; ends_at: Date; capacity: number | null; cancelled: boolean }[] =
        await manager.query(
          `SELECT session_id, kind, title, starts_at, ends_at, capacity, cancelled FROM sessions WHERE mission_id = $1 ORDER BY starts_at, session_id`,
          [missionId],
        );
      const enrolments: { session_id: string; status: string; count: number }[] = await manager.query(
        `SELECT session_id, status, count(*)::int AS count FROM enrolments WHERE mission_id = $1 GROUP BY session_id, status`,
        [missionId],
      );
      const mous: { status: string; count: number }[] = await manager.query(
        `SELECT status, count(*)::int AS count FROM mous WHERE mission_id = $1 GROUP BY status`,
        [missionId],
      );
      const notifications: { outcome: string; count: number }[] = await manager.query(
        `SELECT outcome, count(*)::int AS count FROM notification_outcomes WHERE mission_id = $1 GROUP BY outcome`,
        [missionId],
      );
      const meetings: { status: string; scheduled: boolean; outcome: string | null; count: number }[] = await manager.query(
        `SELECT status, scheduled, outcome, count(*)::int AS count FROM meetings WHERE mission_id = $1 GROUP BY status, scheduled, outcome`,
        [missionId],
      );
      return summarise({
        missionId,
        position: await eventLogRepository.lastPosition(manager, missionId),
        registrations,
        checkedIn,
        sessions: sessions.map((row) => ({
          sessionId: row.session_id,
          kind: row.kind,
          title: row.title,
          startsAt: row.starts_at.toISOString(),
          endsAt: row.ends_at.toISOString(),
          capacity: row.capacity,
          cancelled: row.cancelled,
        })),
        enrolments: enrolments.map((row) => ({ sessionId: row.session_id, status: row.status, count: row.count })),
        mous,
        notifications,
        meetings,
      });
    });
  }
}
