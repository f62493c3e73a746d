import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { Mission } from './mission.js';

/** A row of `missions`, with its dates as text (what the events carry). */
export interface MissionRow {
  id: string;
  code: string;
  title: string;
  starts_on: string;
  ends_on: string;
  timezone: string;
}

/** The columns of a `MissionRow`, for a table aliased `m` or not. */
export function missionColumns(alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `${a}id, ${a}code, ${a}title, ${a}starts_on::text AS starts_on, ${a}ends_on::text AS ends_on, ${a}timezone`;
}

export function toMission(row: MissionRow): Mission {
  return { id: row.id, code: row.code, title: row.title, startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone };
}

/** Registration's copy of the missions (a read model kept from scheduling's events). */
@Injectable()
export class MissionsRepository {
  async find(unit: UnitOfWork, missionId: string): Promise<Mission | null> {
    const [row] = await unit.query<MissionRow>(sql(`SELECT ${missionColumns()} FROM missions WHERE id = $1`, [missionId]));
    return row ? toMission(row) : null;
  }

  async exists(unit: UnitOfWork, missionId: string): Promise<boolean> {
    return (await unit.query(sql(`SELECT 1 FROM missions WHERE id = $1`, [missionId]))).length > 0;
  }

  /** Keeps `mission` as of `asOf`; events may arrive out of order (retries), so the copy only moves forward in time. */
  async keep(unit: UnitOfWork, mission: Mission, asOf: string): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO missions (id, code, title, starts_on, ends_on, timezone, as_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET
           code = EXCLUDED.code, title = EXCLUDED.title, starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on,
           timezone = EXCLUDED.timezone, as_of = EXCLUDED.as_of, received_at = now()
         WHERE missions.as_of <= EXCLUDED.as_of`,
        [mission.id, mission.code, mission.title, mission.startsOn, mission.endsOn, mission.timezone, asOf],
      ),
    );
  }
}
