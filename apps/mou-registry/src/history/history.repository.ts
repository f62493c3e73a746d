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

/** Every statement of the audit trail, `mou_history`. */
@Injectable()
export class HistoryRepository {
  async last(unit: UnitOfWork, mouId: string): Promise<Pick<HistoryEntry, 'seq' | 'hash'> | null> {
    const [last] = await unit.query<{ seq: number; hash: string }>(
      sql(`SELECT seq, hash FROM mou_history WHERE mou_id = $1 ORDER BY seq DESC LIMIT 1`, [mouId]),
    );
    return last ?? null;
  }

  async insert(unit: UnitOfWork, entry: HistoryEntry): Promise<void> {
    await unit.query(
      sql(`INSERT INTO mou_history (mou_id, seq, action, actor, at, details, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
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

  /** The MoU's trail, oldest first. */
  async entries(unit: UnitOfWork, mouId: string): Promise<HistoryEntry[]> {
    const rows = await unit.query<HistoryRow>(
      sql(`SELECT seq, action, actor, at, details, previous_hash, hash FROM mou_history WHERE mou_id = $1 ORDER BY seq`, [mouId]),
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
