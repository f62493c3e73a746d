import { encodeCursor, seqOfCursor, type Caller, type Page } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RegisterFilters } from './mou.schema.js';
import { MOU_COLUMNS, toMouSummary, type MouRow, type MouSummaryView } from './mou.view.js';

const EXPORT_BATCH = 1000;

/**
 * How the register's query is planned, for its transaction only. A plan for the values at hand every
 * time: the statement is prepared once per connection, and after five runs Postgres may keep a generic
 * plan, the same for a word in every third MoU as for a word in a hundred (one text, one plan: a
 * backward walk of `seq` for both, or a bitmap and a sort of 30,000 rows for both). And a random page
 * costed as what it is here, a page in memory (the register and its indexes are a few hundred MB at
 * most): with the default 4, Postgres prefers a backward walk of `seq` that reads twice the pages and
 * filters 10,000 rows to a GIN scan that reads the 600 rows that match (country + theme + status).
 */
const PLANNER_SETTINGS = `SELECT set_config('plan_cache_mode', $1, true), set_config('random_page_cost', $2, true)`;
const PLANNER_VALUES = ['force_custom_plan', '1.1'];

/**
 * The register: the public sees public MoUs only; an organiser also sees the organisers-only MoUs
 * of the missions they organise (all of them, with every mission). Newest first, keyset-paginated.
 */
@Injectable()
export class MouRegister {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    const parameters: unknown[] = [];
    const $ = (value: unknown) => `$${parameters.push(value)}`;
    const where: string[] = [];
    if (caller.kind !== 'organiser') where.push(`visibility = 'public'`);
    else {
      if (!caller.missions.includes('*')) where.push(`(visibility = 'public' OR mission_id = ANY(${$(caller.missions)}::uuid[]))`);
      if (filters.visibility) where.push(`visibility = ${$(filters.visibility)}`);
    }
    if (filters.status) where.push(`status = ${$(filters.status)}`);
    if (filters.theme) where.push(`themes @> ARRAY[${$(filters.theme)}]::text[]`);
    if (filters.party) where.push(`party_names @> ARRAY[lower(${$(filters.party)})]::text[]`);
    if (filters.country) where.push(`party_countries @> ARRAY[${$(filters.country)}]::text[]`);
    if (filters.mission) where.push(`mission_id = ${$(filters.mission)}`);
    if (filters.year) where.push(`signed_year = ${$(filters.year)}`);
    if (filters.q) where.push(`search @@ websearch_to_tsquery('simple', ${$(filters.q)})`);
    if (before) where.push(`mous.seq < ${$(before)}::bigint`);
    const filtered = parameters.length > (before ? 1 : 0);
    const sql = `SELECT ${MOU_COLUMNS} FROM mous ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY mous.seq DESC LIMIT ${$(take)}`;
    // Without a filter, every plan is the backward walk of `seq`: no settings, one round trip.
    if (!filtered) return this.dataSource.query(sql, parameters);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(PLANNER_SETTINGS, PLANNER_VALUES);
      return manager.query(sql, parameters);
    });
  }
}
