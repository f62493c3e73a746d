import { Problem, Transactions, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { chain, verifyChain, type ChainVerdict, type HistoryEntry } from './history-chain.rules.js';
import { HistoryRepository, type Trail } from './history.repository.js';
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

  /**
   * Appends in the caller's transaction, which holds the MoU's (or the plan's) row lock: entries of one
   * trail never race. A plan's trail is chained by the same rules, its id where an MoU's would be.
   */
  async append(unit: UnitOfWork, mouId: string, record: HistoryRecord, trail: Trail = 'mou'): Promise<HistoryEntry> {
    const last = await this.repository.last(unit, mouId, trail);
    const entry = chain({ mouId, action: record.action, actor: record.actor, at: record.at.toISOString(), details: record.details }, last);
    await this.repository.insert(unit, entry, trail);
    return entry;
  }

  /** A plan's trail, oldest first, and its verdict; the plan's existence and access are the caller's to check. */
  async planTrail(planId: string): Promise<{ entries: HistoryEntry[]; verdict: ChainVerdict }> {
    const entries = await this.repository.entries(this.transactions.outside, planId, 'action_plan');
    return { entries, verdict: verifyChain(entries) };
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
