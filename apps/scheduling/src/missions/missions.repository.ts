import { Problem, sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { Mission, MissionCity } from './mission.js';

/** Where a page of missions starts: after this mission, in the list's order (latest start first). */
export interface MissionsAfter {
  startsOn: string;
  id: string;
}

interface MissionRow {
  id: string;
  code: string;
  title: string;
  starts_on: string;
  ends_on: string;
  timezone: string;
  cities: MissionCity[];
  themes: string[];
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Dates as text (calendar days, not instants); the aliases shadow the columns in ORDER BY, so order by `missions.<column>`. */
const COLUMNS = `id, code, title, starts_on::text AS starts_on, ends_on::text AS ends_on, timezone, cities, themes, created_by, created_at, updated_at`;

/** Every query of the missions table. */
@Injectable()
export class MissionsRepository {
  async codeTaken(unit: UnitOfWork, code: string): Promise<boolean> {
    return (await unit.query(sql(`SELECT 1 FROM missions WHERE code = $1`, [code]))).length > 0;
  }

  async insert(unit: UnitOfWork, mission: Omit<Mission, 'createdAt' | 'updatedAt'>): Promise<Mission> {
    const [row] = await unit.query<MissionRow>(
      sql(
        `INSERT INTO missions (id, code, title, starts_on, ends_on, timezone, cities, themes, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) RETURNING ${COLUMNS}`,
        [
          mission.id,
          mission.code,
          mission.title,
          mission.startsOn,
          mission.endsOn,
          mission.timezone,
          JSON.stringify(mission.cities),
          mission.themes,
          mission.createdBy,
        ],
      ),
    );
    return toMission(row!);
  }

  /** The mission, locked until the unit's transaction ends. */
  async lock(unit: UnitOfWork, id: string): Promise<Mission | null> {
    const [row] = await unit.query<MissionRow>(sql(`SELECT ${COLUMNS} FROM missions WHERE id = $1 FOR UPDATE`, [id]));
    return row ? toMission(row) : null;
  }

  /** Writes what describes the mission (not its code) and answers it as stored. */
  async update(unit: UnitOfWork, mission: Mission): Promise<Mission> {
    const [row] = await unit.query<MissionRow>(
      sql(
        `UPDATE missions SET title = $2, starts_on = $3, ends_on = $4, timezone = $5, cities = $6::jsonb, themes = $7, updated_at = now()
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [mission.id, mission.title, mission.startsOn, mission.endsOn, mission.timezone, JSON.stringify(mission.cities), mission.themes],
      ),
    );
    return toMission(row!);
  }

  /** The mission; a 404 when there is none. */
  async get(unit: UnitOfWork, id: string): Promise<Mission> {
    const mission = await this.find(unit, id);
    if (!mission) throw Problem.notFound('Mission', id);
    return mission;
  }

  async find(unit: UnitOfWork, id: string): Promise<Mission | null> {
    const [row] = await unit.query<MissionRow>(sql(`SELECT ${COLUMNS} FROM missions WHERE id = $1`, [id]));
    return row ? toMission(row) : null;
  }

  /**
   * Up to `limit` missions after `after`, latest start first (then by id, so that the order is total
   * and a page boundary never skips or repeats one); only those of `ids` unless it is 'all'.
   */
  async page(unit: UnitOfWork, ids: readonly string[] | 'all', after: MissionsAfter | null, limit: number): Promise<Mission[]> {
    const rows = await unit.query<MissionRow>(
      sql(
        `SELECT ${COLUMNS} FROM missions
          WHERE ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))
            AND ($2::date IS NULL OR (starts_on, id) < ($2::date, $3::uuid))
          ORDER BY missions.starts_on DESC, missions.id DESC LIMIT $4`,
        [ids === 'all' ? null : ids, after?.startsOn ?? null, after?.id ?? null, limit],
      ),
    );
    return rows.map(toMission);
  }
}

function toMission(row: MissionRow): Mission {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    timezone: row.timezone,
    cities: row.cities,
    themes: row.themes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
