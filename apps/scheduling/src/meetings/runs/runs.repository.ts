import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { BlockBreak, BlockOfRun, MatchmakingRun, MeetingBlockSettings, RunStatus, Unavailability } from './run.js';
import type { RunResult } from './run.view.js';

interface RunRow {
  id: string;
  mission_id: string;
  status: RunStatus;
  rebuild: boolean;
  limit_per_participant: number | null;
  requested_by: string;
  progress: string | null;
  result: RunResult | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

interface UnavailabilityRow {
  id: string;
  mission_id: string;
  registration_id: string;
  starts_at: Date;
  ends_at: Date;
  note: string | null;
  created_at: Date;
}

interface BlockRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  released_at: Date | null;
  venue_name: string | null;
  city: string | null;
  venue_timezone: string | null;
  slot_minutes: number | null;
  tables: number | null;
  breaks: BlockBreak[] | null;
}

const RUN_COLUMNS = `id, mission_id, status, rebuild, limit_per_participant, requested_by, progress, result, error, created_at, started_at, finished_at`;

/** What a run changes of its row as it goes. */
export type RunChange = Partial<Pick<MatchmakingRun, 'status' | 'progress' | 'result' | 'error' | 'startedAt' | 'finishedAt'>>;

/** Meeting blocks' settings, declared unavailability, and the runs' rows. */
@Injectable()
export class RunsRepository {
  async setBlock(unit: UnitOfWork, block: MeetingBlockSettings): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO meeting_blocks (session_id, mission_id, slot_minutes, tables, breaks) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (session_id) DO UPDATE SET mission_id = EXCLUDED.mission_id, slot_minutes = EXCLUDED.slot_minutes, tables = EXCLUDED.tables, breaks = EXCLUDED.breaks`,
        [block.sessionId, block.missionId, block.slotMinutes, block.tables, JSON.stringify(block.breaks)],
      ),
    );
  }

  async block(unit: UnitOfWork, missionId: string, sessionId: string): Promise<MeetingBlockSettings | null> {
    const [row] = await unit.query<{ session_id: string; mission_id: string; slot_minutes: number; tables: number; breaks: BlockBreak[] }>(
      sql(`SELECT session_id, mission_id, slot_minutes, tables, breaks FROM meeting_blocks WHERE session_id = $1 AND mission_id = $2`, [sessionId, missionId]),
    );
    return row ? { sessionId: row.session_id, missionId: row.mission_id, slotMinutes: row.slot_minutes, tables: row.tables, breaks: row.breaks } : null;
  }

  /** Every B2B block of the mission (cancelled ones too: announced meetings may still be in one), with its venue and settings. */
  async blocksOf(unit: UnitOfWork, missionId: string): Promise<BlockOfRun[]> {
    const rows = await unit.query<BlockRow>(
      sql(
        `SELECT s.id, s.title, s.starts_at, s.ends_at, s.status, s.released_at, v.name AS venue_name, v.city, v.timezone AS venue_timezone,
                b.slot_minutes, b.tables, b.breaks
           FROM sessions s LEFT JOIN venues v ON v.id = s.venue_id LEFT JOIN meeting_blocks b ON b.session_id = s.id
          WHERE s.mission_id = $1 AND s.kind = 'b2b_meeting_block'`,
        [missionId],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      status: row.status,
      releasedAt: row.released_at,
      venue: row.venue_name ? { name: row.venue_name, city: row.city!, timezone: row.venue_timezone! } : null,
      slotMinutes: row.slot_minutes,
      tables: row.tables,
      breaks: row.breaks,
    }));
  }

  async declare(unit: UnitOfWork, unavailability: Unavailability): Promise<void> {
    await unit.query(
      sql(`INSERT INTO unavailability (id, mission_id, registration_id, starts_at, ends_at, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        unavailability.id,
        unavailability.missionId,
        unavailability.registrationId,
        unavailability.startsAt,
        unavailability.endsAt,
        unavailability.note,
        unavailability.createdAt,
      ]),
    );
  }

  /** The participant's declared times (or every participant's of the mission), earliest first. */
  async declared(unit: UnitOfWork, missionId: string, registrationId: string | null): Promise<Unavailability[]> {
    const rows = await unit.query<UnavailabilityRow>(
      sql(`SELECT * FROM unavailability WHERE mission_id = $1 AND ($2::uuid IS NULL OR registration_id = $2) ORDER BY starts_at`, [missionId, registrationId]),
    );
    return rows.map((row) => ({
      id: row.id,
      missionId: row.mission_id,
      registrationId: row.registration_id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      note: row.note,
      createdAt: row.created_at,
    }));
  }

  /** Answers whether there was one. */
  async withdraw(unit: UnitOfWork, missionId: string, registrationId: string, id: string): Promise<boolean> {
    const { count } = await unit.execute(
      sql(`DELETE FROM unavailability WHERE id = $1 AND mission_id = $2 AND registration_id = $3`, [id, missionId, registrationId]),
    );
    return count > 0;
  }

  /** Fails the runs (of the mission, or of every mission) whose heartbeat stopped `seconds` ago. */
  async failAbandoned(unit: UnitOfWork, missionId: string | null, seconds: number): Promise<void> {
    await unit.query(
      sql(
        `UPDATE matchmaking_runs SET status = 'failed', progress = NULL, error = 'interrupted: the instance working on it stopped', finished_at = now()
          WHERE status IN ('queued', 'running') AND heartbeat_at < now() - make_interval(secs => $1) AND ($2::uuid IS NULL OR mission_id = $2)`,
        [seconds, missionId],
      ),
    );
  }

  /** A second active run of the mission fails on `matchmaking_runs_active`. */
  async insert(unit: UnitOfWork, run: MatchmakingRun): Promise<void> {
    await unit.query(
      sql(`INSERT INTO matchmaking_runs (${RUN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12)`, [
        run.id,
        run.missionId,
        run.status,
        run.rebuild,
        run.limitPerParticipant,
        run.requestedBy,
        run.progress,
        run.result === null ? null : JSON.stringify(run.result),
        run.error,
        run.createdAt,
        run.startedAt,
        run.finishedAt,
      ]),
    );
  }

  async find(unit: UnitOfWork, runId: string, missionId?: string): Promise<MatchmakingRun | null> {
    const [row] = await unit.query<RunRow>(
      sql(`SELECT ${RUN_COLUMNS} FROM matchmaking_runs WHERE id = $1 AND ($2::uuid IS NULL OR mission_id = $2)`, [runId, missionId ?? null]),
    );
    return row ? toRun(row) : null;
  }

  /** The mission's queued or running run, if any. */
  async active(unit: UnitOfWork, missionId: string): Promise<MatchmakingRun | null> {
    const [row] = await unit.query<RunRow>(
      sql(`SELECT ${RUN_COLUMNS} FROM matchmaking_runs WHERE mission_id = $1 AND status IN ('queued', 'running') LIMIT 1`, [missionId]),
    );
    return row ? toRun(row) : null;
  }

  async heartbeat(unit: UnitOfWork, runId: string): Promise<void> {
    await unit.query(sql(`UPDATE matchmaking_runs SET heartbeat_at = now() WHERE id = $1`, [runId]));
  }

  async update(unit: UnitOfWork, runId: string, change: RunChange): Promise<void> {
    const columns: [string, keyof RunChange, string?][] = [
      ['status', 'status'],
      ['progress', 'progress'],
      ['result', 'result', '::jsonb'],
      ['error', 'error'],
      ['started_at', 'startedAt'],
      ['finished_at', 'finishedAt'],
    ];
    const set = columns.filter(([, field]) => field in change);
    const values = set.map(([, field]) => (field === 'result' && change.result != null ? JSON.stringify(change.result) : change[field]));
    await unit.query(
      sql(`UPDATE matchmaking_runs SET ${set.map(([column, , cast], index) => `${column} = $${index + 2}${cast ?? ''}`).join(', ')} WHERE id = $1`, [
        runId,
        ...values,
      ]),
    );
  }
}

function toRun(row: RunRow): MatchmakingRun {
  return {
    id: row.id,
    missionId: row.mission_id,
    status: row.status,
    rebuild: row.rebuild,
    limitPerParticipant: row.limit_per_participant,
    requestedBy: row.requested_by,
    progress: row.progress,
    result: row.result,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
