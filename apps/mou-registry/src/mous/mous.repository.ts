import { Problem, sql, type Caller, type Statement, type UnitOfWork } from '#common';
import type { MouStatus } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { Party } from './mou.view.js';
import type { RegisterFilters } from './mou.schema.js';

/** An MoU as stored (the columns the register and the record read). */
export interface MouRow {
  id: string;
  seq: string;
  reference: string;
  missionId: string | null;
  title: string;
  summary: Record<string, string>;
  themes: string[];
  parties: Party[];
  signedOn: string | null;
  signedPlace: string | null;
  entryIntoForceOn: string | null;
  expiresOn: string | null;
  visibility: 'public' | 'organisers';
  status: MouStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface SignatoryRow {
  position: number;
  name: string | null;
  title: string;
  party: string;
  registrationId: string | null;
  erasedAt: Date | null;
}

/** A signatory as written: a link to a participant, if any. */
export interface NewSignatory {
  name: string;
  title: string;
  party: string;
  registrationId?: string;
}

/** Who may see an MoU: what access is decided on. */
export interface MouScopeRow {
  id: string;
  missionId: string | null;
  visibility: 'public' | 'organisers';
}

/** A new MoU, as the service has decided it. */
export interface NewMou extends Omit<MouRow, 'seq' | 'status' | 'createdAt' | 'updatedAt'> {
  createdBy: string;
  at: Date;
}

/** What a change sets on an MoU; what it leaves out stays. */
export type MouChanges = Partial<
  Pick<NewMou, 'title' | 'summary' | 'themes' | 'missionId' | 'parties' | 'signedOn' | 'signedPlace' | 'entryIntoForceOn' | 'expiresOn' | 'visibility'> & {
    status: MouStatus;
  }
> & { updatedAt: Date };

/** The columns of a MouRow, of the table `mous` or of its alias `table`. */
export function mouColumns(table?: string): string {
  const t = table ? `${table}.` : '';
  return `${t}id, ${t}seq::text AS seq, ${t}reference, ${t}mission_id AS "missionId", ${t}title, ${t}summaries AS summary, ${t}themes, ${t}parties,
  to_char(${t}signed_on, 'YYYY-MM-DD') AS "signedOn", ${t}signed_place AS "signedPlace",
  to_char(${t}entry_into_force_on, 'YYYY-MM-DD') AS "entryIntoForceOn", to_char(${t}expires_on, 'YYYY-MM-DD') AS "expiresOn",
  ${t}visibility, ${t}status, ${t}created_at AS "createdAt", ${t}updated_at AS "updatedAt"`;
}

const MOU_COLUMNS = mouColumns();

/** The column each change is stored in (parties also fill the register's facets, below). */
const columnOf = {
  title: 'title',
  summary: 'summaries',
  themes: 'themes',
  missionId: 'mission_id',
  parties: 'parties',
  signedOn: 'signed_on',
  signedPlace: 'signed_place',
  entryIntoForceOn: 'entry_into_force_on',
  expiresOn: 'expires_on',
  visibility: 'visibility',
  status: 'status',
  updatedAt: 'updated_at',
} as const satisfies Record<keyof MouChanges, string>;

/**
 * How the register's query is planned, for its transaction only: a plan for the values at hand every
 * time, a random page costed as a page in memory. docs/DESIGN.md, "Inside the MoU registry", says why.
 */
const PLANNER_SETTINGS = sql(`SELECT set_config('plan_cache_mode', $1, true), set_config('random_page_cost', $2, true)`, ['force_custom_plan', '1.1']);

/** The register's query for one page or batch; `filtered` says whether it needs the planner settings. */
export interface RegisterQuery {
  statement: Statement;
  filtered: boolean;
}

/** Every statement of the tables `mous`, `mou_signatories` and `mou_reference_counters`. */
@Injectable()
export class MousRepository {
  /** The MoU, its row locked until the transaction ends: changes to one MoU (and its trail) take turns. */
  async lock(unit: UnitOfWork, id: string): Promise<MouRow> {
    const [row] = await unit.query<MouRow>(sql(`SELECT ${MOU_COLUMNS} FROM mous WHERE id = $1 FOR UPDATE`, [id]));
    if (!row) throw Problem.notFound('MoU', id);
    return row;
  }

  async find(unit: UnitOfWork, id: string): Promise<MouRow> {
    const [row] = await unit.query<MouRow>(sql(`SELECT ${MOU_COLUMNS} FROM mous WHERE id = $1`, [id]));
    if (!row) throw Problem.notFound('MoU', id);
    return row;
  }

  async scope(unit: UnitOfWork, id: string): Promise<MouScopeRow | undefined> {
    const [row] = await unit.query<MouScopeRow>(sql(`SELECT id, mission_id AS "missionId", visibility FROM mous WHERE id = $1`, [id]));
    return row;
  }

  /** The year's next number, taken under the lock of the year's counter row: no two MoUs ever share one. */
  async nextInYear(unit: UnitOfWork, year: number): Promise<number> {
    const [row] = await unit.query<{ last: number }>(
      sql(
        `INSERT INTO mou_reference_counters (year, last) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last = mou_reference_counters.last + 1 RETURNING last`,
        [year],
      ),
    );
    return row!.last;
  }

  async insert(unit: UnitOfWork, mou: NewMou): Promise<MouRow> {
    const [row] = await unit.query<MouRow>(
      sql(
        `INSERT INTO mous (id, reference, mission_id, title, summaries, themes, parties, party_names, party_countries, signed_on, signed_place,
           entry_into_force_on, expires_on, visibility, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'draft', $15, $16, $16)
         RETURNING ${MOU_COLUMNS}`,
        [
          mou.id,
          mou.reference,
          mou.missionId,
          mou.title,
          JSON.stringify(mou.summary),
          mou.themes,
          JSON.stringify(mou.parties),
          ...partyColumns(mou.parties),
          mou.signedOn,
          mou.signedPlace,
          mou.entryIntoForceOn,
          mou.expiresOn,
          mou.visibility,
          mou.createdBy,
          mou.at,
        ],
      ),
    );
    return row!;
  }

  /** Sets what `changes` names and answers the row as it now is. */
  async update(unit: UnitOfWork, id: string, changes: MouChanges): Promise<MouRow> {
    const columns: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(changes) as [keyof MouChanges, unknown][]) {
      if (value === undefined) continue;
      if (field === 'summary' || field === 'parties') columns[columnOf[field]] = JSON.stringify(value);
      else columns[columnOf[field]] = value;
      if (field === 'parties') [columns.party_names, columns.party_countries] = partyColumns(value as Party[]);
    }
    const names = Object.keys(columns);
    const [row] = await unit.query<MouRow>(
      sql(`UPDATE mous SET ${names.map((name, index) => `${name} = $${index + 2}`).join(', ')} WHERE id = $1 RETURNING ${MOU_COLUMNS}`, [
        id,
        ...Object.values(columns),
      ]),
    );
    return row!;
  }

  /** Marks the MoU as changed now (a change of its versions). */
  async touch(unit: UnitOfWork, id: string, at: Date): Promise<void> {
    await unit.query(sql(`UPDATE mous SET updated_at = $2 WHERE id = $1`, [id, at]));
  }

  signatories(unit: UnitOfWork, id: string): Promise<SignatoryRow[]> {
    return unit.query<SignatoryRow>(
      sql(
        `SELECT position, name, title, party, registration_id AS "registrationId", erased_at AS "erasedAt"
         FROM mou_signatories WHERE mou_id = $1 ORDER BY position`,
        [id],
      ),
    );
  }

  async insertSignatories(unit: UnitOfWork, id: string, signatories: readonly NewSignatory[]): Promise<void> {
    if (signatories.length === 0) return;
    await unit.query(
      sql(
        `INSERT INTO mou_signatories (mou_id, position, name, title, party, registration_id)
         SELECT $1, position, name, title, party, registration_id
         FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[]) WITH ORDINALITY AS s(name, title, party, registration_id, position)`,
        [
          id,
          signatories.map((s) => s.name),
          signatories.map((s) => s.title),
          signatories.map((s) => s.party),
          signatories.map((s) => s.registrationId ?? null),
        ],
      ),
    );
  }

  async replaceSignatories(unit: UnitOfWork, id: string, signatories: readonly NewSignatory[]): Promise<void> {
    await unit.query(sql(`DELETE FROM mou_signatories WHERE mou_id = $1`, [id]));
    await this.insertSignatories(unit, id, signatories);
  }

  /** How many versions of the text and signatories the MoU has, for the check before signing. */
  async signingCounts(unit: UnitOfWork, id: string): Promise<{ versions: number; signatories: number }> {
    const [row] = await unit.query<{ versions: number; signatories: number }>(
      sql(
        `SELECT (SELECT count(*)::int FROM mou_versions WHERE mou_id = $1) AS versions, (SELECT count(*)::int FROM mou_signatories WHERE mou_id = $1) AS signatories`,
        [id],
      ),
    );
    return row!;
  }

  /** Signed or in-force MoUs past their expiry date, locked, skipping those another instance holds. */
  lockExpired(unit: UnitOfWork, today: string, limit: number): Promise<MouRow[]> {
    return unit.query<MouRow>(
      sql(`SELECT ${MOU_COLUMNS} FROM mous WHERE status IN ('signed', 'in_force') AND expires_on < $1 LIMIT ${limit} FOR UPDATE SKIP LOCKED`, [today]),
    );
  }

  /**
   * The register's statement: the public sees public MoUs only; an organiser also sees the
   * organisers-only MoUs of the missions they organise (all of them, with every mission). Newest first.
   */
  registerQuery(caller: Caller, filters: RegisterFilters, before: string | null, take: number): RegisterQuery {
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
    const text = `SELECT ${MOU_COLUMNS} FROM mous ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY mous.seq DESC LIMIT ${$(take)}`;
    return { statement: sql(text, parameters), filtered };
  }

  /** Runs a register query; a filtered one in `unit`'s transaction, its planner settings sent with it. */
  register(unit: UnitOfWork, query: RegisterQuery): Promise<MouRow[]> {
    if (query.filtered) unit.defer(PLANNER_SETTINGS, 'the register planner settings');
    return unit.query<MouRow>(query.statement);
  }
}

function partyColumns(parties: readonly Party[]): [string[], string[]] {
  return [parties.map((party) => party.name.toLowerCase()), [...new Set(parties.map((party) => party.country))]];
}
