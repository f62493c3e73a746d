import { Problem, type Caller } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MouAccess } from '../mous/mou.access.js';
import { chain, verifyChain, type HistoryEntry } from './history.chain.js';
import type { ChainVerification, HistoryView } from './history.view.js';

/** A change of the MoU as the trail records it: no personal data, so that erasure never has to break the chain. */
export interface HistoryRecord {
  action: string;
  actor: string;
  at: Date;
  details: Record<string, unknown>;
}

@Injectable()
export class HistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MouAccess,
  ) {}

  /** Appends in the caller's transaction, which holds the MoU's row lock: entries of one MoU never race. */
  async append(manager: EntityManager, mouId: string, record: HistoryRecord): Promise<HistoryEntry> {
    const [last] = await manager.query(`SELECT seq, hash FROM mou_history WHERE mou_id = $1 ORDER BY seq DESC LIMIT 1`, [mouId]);
    const entry = chain({ mouId, action: record.action, actor: record.actor, at: record.at.toISOString(), details: record.details }, last ?? null);
    await manager.query(`INSERT INTO mou_history (mou_id, seq, action, actor, at, details, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      mouId,
      entry.seq,
      entry.action,
      entry.actor,
      entry.at,
      JSON.stringify(entry.details),
      entry.previousHash,
      entry.hash,
    ]);
    return entry;
  }

  async list(caller: Caller, mouId: string): Promise<HistoryView> {
    await this.access.readable(caller, mouId);
    return { mouId, entries: await this.entries(mouId) };
  }

  async verify(caller: Caller, mouId: string): Promise<ChainVerification> {
    await this.access.readable(caller, mouId);
    const verdict = verifyChain(await this.entries(mouId));
    return { mouId, ...verdict, verifiedAt: new Date().toISOString() };
  }

  private async entries(mouId: string): Promise<HistoryEntry[]> {
    const rows: { seq: number; action: string; actor: string; at: Date; details: Record<string, unknown>; previous_hash: string; hash: string }[] =
      await this.dataSource.query(`SELECT seq, action, actor, at, details, previous_hash, hash FROM mou_history WHERE mou_id = $1 ORDER BY seq`, [mouId]);
    if (rows.length === 0) throw Problem.notFound('MoU', mouId);
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
