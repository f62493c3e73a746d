import { Problem, Transactions, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { chain, verifyChain, type HistoryEntry } from './history-chain.rules.js';
import { HistoryRepository } from './history.repository.js';
import type { ChainVerification, HistoryView } from './history.view.js';

/** A change of the MoU as the trail records it: no personal data, so that erasure never has to break the chain. */
export interface HistoryRecord {
  action: string;
  actor: string;
  at: Date;
  details: Record<string, unknown>;
}

/** The audit trail of each MoU; who may read it is decided by the caller (`MousService.history`). */
@Injectable()
export class HistoryService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: HistoryRepository,
  ) {}

  /** Appends in the caller's transaction, which holds the MoU's row lock: entries of one MoU never race. */
  async append(unit: UnitOfWork, mouId: string, record: HistoryRecord): Promise<HistoryEntry> {
    const last = await this.repository.last(unit, mouId);
    const entry = chain({ mouId, action: record.action, actor: record.actor, at: record.at.toISOString(), details: record.details }, last);
    await this.repository.insert(unit, entry);
    return entry;
  }

  async list(mouId: string): Promise<HistoryView> {
    return { mouId, entries: await this.entries(mouId) };
  }

  async verify(mouId: string): Promise<ChainVerification> {
    const verdict = verifyChain(await this.entries(mouId));
    return { mouId, ...verdict, verifiedAt: new Date().toISOString() };
  }

  private async entries(mouId: string): Promise<HistoryEntry[]> {
    const entries = await this.repository.entries(this.transactions.outside, mouId);
    if (entries.length === 0) throw Problem.notFound('MoU', mouId);
    return entries;
  }
}
