import { sql, type Statement } from './statement.js';

/** A row of a read model, as `upsertIfNewer` writes it. */
export interface ProjectedRow {
  /** The read model's table (in the service's own schema). */
  table: string;
  /** The columns of its key: the conflict target. */
  key: readonly string[];
  /** Every column written, with its value, in the order the statement's parameters take. */
  values: Readonly<Record<string, unknown>>;
  /** Casts for parameters Postgres cannot infer (`jsonb`, `uuid[]`…), by column. */
  types?: Readonly<Record<string, string>>;
  /** The column holding the source's time of the row (the event's `time`); `as_of` unless said. */
  asOf?: string;
  /** Columns set otherwise than to the new value on update (an SQL expression that may read `EXCLUDED` and the table). */
  set?: Readonly<Record<string, string>>;
  /** Columns written on insert only, never updated (a first-seen time, say). */
  insertOnly?: readonly string[];
  /** A further condition for the update, on the existing row (an erased row stays erased, say). */
  andWhere?: string;
}

/**
 * Upserts a read model's row only if the event carrying it is not older than what the row holds:
 * events may arrive out of order (retries, redeliveries), and a read model only moves forward.
 * Answers the statement, to run, defer or chain.
 */
export function upsertIfNewer(row: ProjectedRow): Statement {
  const columns = Object.keys(row.values);
  const asOf = row.asOf ?? 'as_of';
  if (!columns.includes(asOf)) throw new Error(`upsertIfNewer(${row.table}): the values must hold ${asOf}`);
  const placeholders = columns.map((column, index) => `$${index + 1}${row.types?.[column] ? `::${row.types[column]}` : ''}`);
  const updated = columns
    .filter((column) => !row.key.includes(column) && !row.insertOnly?.includes(column))
    .map((column) => `${column} = ${row.set?.[column] ?? `EXCLUDED.${column}`}`);
  const extra = Object.entries(row.set ?? {})
    .filter(([column]) => !columns.includes(column))
    .map(([column, expression]) => `${column} = ${expression}`);
  return sql(
    `INSERT INTO ${row.table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
     ON CONFLICT (${row.key.join(', ')}) DO UPDATE SET ${[...updated, ...extra].join(', ')}
     WHERE ${row.table}.${asOf} <= EXCLUDED.${asOf}${row.andWhere ? ` AND ${row.andWhere}` : ''}`,
    Object.values(row.values),
  );
}

/**
 * The lock a person's erasure takes in a service, against the writes that would bring their data
 * back: a writer takes it shared for the people it writes about (many writers at once), the erasure
 * exclusively, so an erasure either committed before a write began or waits for it to end.
 * Transaction-scoped; keyed by the service's schema, so services never wait on each other.
 */
export const erasureLock = {
  shared(registrationIds: readonly string[]): Statement {
    return sql(`SELECT pg_advisory_xact_lock_shared(${ERASURE_KEY}) FROM unnest($1::text[]) AS id`, [registrationIds]);
  },
  exclusive(registrationId: string): Statement {
    return sql(`SELECT pg_advisory_xact_lock(${ERASURE_KEY}) FROM (SELECT $1::text AS id) AS erased`, [registrationId]);
  },
};

const ERASURE_KEY = `hashtextextended('mission-hub:erasure:' || current_schema() || ':' || id, 0)`;
