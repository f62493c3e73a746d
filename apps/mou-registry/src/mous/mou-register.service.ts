import { encodeCursor, seqOfCursor, Transactions, type Caller, type Page } from '#common';
import { Injectable } from '@nestjs/common';
import type { RegisterFilters } from './mou.schema.js';
import { toMouSummary, type MouSummaryView } from './mou.view.js';
import { MousRepository, type MouRow } from './mous.repository.js';

const EXPORT_BATCH = 1000;

/**
 * The register: the public sees public MoUs only; an organiser also sees the organisers-only MoUs
 * of the missions they organise (all of them, with every mission). Newest first, keyset-paginated.
 */
@Injectable()
export class MouRegisterService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: MousRepository,
  ) {}

  async page(caller: Caller, filters: RegisterFilters, page: { limit: number; cursor?: string }): Promise<Page<MouSummaryView>> {
    const rows = await this.rows(caller, filters, seqOfCursor(page.cursor), page.limit + 1);
    const items = rows.slice(0, page.limit);
    return { items: items.map(toMouSummary), nextCursor: rows.length > page.limit ? encodeCursor([items.at(-1)!.seq]) : null };
  }

  /** Every MoU of the register, in batches, for the exports. */
  async *all(caller: Caller, filters: RegisterFilters): AsyncGenerator<MouRow> {
    let before: string | null = null;
    for (;;) {
      const batch = await this.rows(caller, filters, before, EXPORT_BATCH);
      yield* batch;
      if (batch.length < EXPORT_BATCH) return;
      before = batch.at(-1)!.seq;
    }
  }

  private rows(caller: Caller, filters: RegisterFilters, before: string | null, take: number): Promise<MouRow[]> {
    const query = this.repository.registerQuery(caller, filters, before, take);
    // Without a filter, every plan is the backward walk of `seq`: no planner settings, no transaction.
    if (!query.filtered) return this.repository.register(this.transactions.outside, query);
    return this.transactions.run((unit) => this.repository.register(unit, query));
  }
}
