import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { Programme, ReleaseChange } from './release-diff.rules.js';

/** A release as it is kept: the programme it published and what changed since the one before. */
export interface Release {
  missionId: string;
  number: number;
  publishedAt: Date;
  publishedBy: string;
  note: string | null;
  programme: Programme;
  changes: ReleaseChange[];
}

interface ReleaseRow {
  mission_id: string;
  number: number;
  published_at: Date;
  published_by: string;
  note: string | null;
  programme: Programme;
  changes: ReleaseChange[];
}

/** Every query of the releases table. */
@Injectable()
export class ReleasesRepository {
  async latest(unit: UnitOfWork, missionId: string): Promise<Release | null> {
    const [row] = await unit.query<ReleaseRow>(sql(`SELECT * FROM releases WHERE mission_id = $1 ORDER BY number DESC LIMIT 1`, [missionId]));
    return row ? toRelease(row) : null;
  }

  async insert(unit: UnitOfWork, release: Release): Promise<void> {
    await unit.query(
      sql(`INSERT INTO releases (mission_id, number, published_at, published_by, note, programme, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        release.missionId,
        release.number,
        release.publishedAt,
        release.publishedBy,
        release.note,
        JSON.stringify(release.programme),
        JSON.stringify(release.changes),
      ]),
    );
  }

  /** The mission's releases, the latest first, without the programmes they published. */
  async list(unit: UnitOfWork, missionId: string): Promise<Omit<Release, 'programme'>[]> {
    const rows = await unit.query<Omit<ReleaseRow, 'programme'>>(
      sql(`SELECT mission_id, number, published_at, published_by, note, changes FROM releases WHERE mission_id = $1 ORDER BY number DESC`, [missionId]),
    );
    return rows.map(({ mission_id, published_at, published_by, ...rest }) => ({
      missionId: mission_id,
      publishedAt: published_at,
      publishedBy: published_by,
      ...rest,
    }));
  }
}

function toRelease(row: ReleaseRow): Release {
  return {
    missionId: row.mission_id,
    number: row.number,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    note: row.note,
    programme: row.programme,
    changes: row.changes,
  };
}
