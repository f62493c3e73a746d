import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { HistoryEntry } from './history-chain.rules.js';

interface HistoryRow {
  seq: number;
  action: string;
  actor: string;
  at: Date;
  details: Record<string, unknown>;
  previous_hash: string;
  hash: string;
}

/** Whose trail: an MoU's (`mou_history`) or an action plan's (`action_plan_history`), kept alike and chained by the same rules. */
export type Trail = 'mou' | 'action_plan';

const trails: Record<Trail, { table: string; key: string }> = {
  mou: { table: 'mou_history', key: 'mou_id' },
  action_plan: { table: 'action_plan_history', key: 'plan_id' },
};

/** Every statement of the audit trails, `mou_history` and `action_plan_history`. */
@Injectable()
export class HistoryRepository {
  async last(unit: UnitOfWork, mouId: string, trail: Trail = 'mou'): Promise<Pick<HistoryEntry, 'seq' | 'hash'> | null> {
    const { table, key } = trails[trail];
    const [last] = await unit.query<{ seq: number; hash: string }>(sql(`SELECT seq, hash FROM ${table} WHERE ${key} = $1 ORDER BY seq DESC LIMIT 1`, [mouId]));
    return last ?? null;
  }

  async insert(unit: UnitOfWork, entry: HistoryEntry, trail: Trail = 'mou'): Promise<void> {
    const { table, key } = trails[trail];
    await unit.query(
      sql(`INSERT INTO ${table} (${key}, seq, action, actor, at, details, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        entry.mouId,
        entry.seq,
        entry.action,
        entry.actor,
        entry.at,
        JSON.stringify(entry.details),
        entry.previousHash,
        entry.hash,
      ]),
    );
  }

  /** The MoU's (or plan's) trail, oldest first; a plan's id stands where an MoU's would. */
  async entries(unit: UnitOfWork, mouId: string, trail: Trail = 'mou'): Promise<HistoryEntry[]> {
    const { table, key } = trails[trail];
    const rows = await unit.query<HistoryRow>(
      sql(`SELECT seq, action, actor, at, details, previous_hash, hash FROM ${table} WHERE ${key} = $1 ORDER BY seq`, [mouId]),
    );
    return rows.map((row) => ({
      mouId,
      seq: row.seq,
      action: row.action,
      actor: row.actor,
      at: row.at.toISOString(),
      details: row.details,
      previousHash: row.previous_hash,
      hash: row.hash,
    }));
  }
}
