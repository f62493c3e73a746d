import type { DataSource } from 'typeorm';

/** Small enough that no statement holds many row locks or writes a long burst of WAL. */
const BATCH = 5000;

export interface ExpiredRows {
  table: string;
  /** What picks out one row for the batch: the primary key, or `ctid` where there is none. */
  key: string;
  /** When a row is past its time, with `$1`… for the parameters. */
  where: string;
}

/** Deletes the expired rows a batch at a time; answers how many went. */
export type DeleteExpired = (rows: ExpiredRows, parameters: unknown[]) => Promise<number>;

/**
 * Runs `sweep` under a session advisory lock named `name` in the connection's schema, so that of
 * several instances of a service one sweeps and the others, finding the lock taken, skip this round
 * instead of deleting the same rows alongside it. Answers what `sweep` answered, or null when skipped.
 */
export async function sweepExpiredRows<T>(dataSource: DataSource, name: string, sweep: (deleteExpired: DeleteExpired) => Promise<T>): Promise<T | null> {
  const lock = `mission-hub:${name}:`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1 || current_schema())) AS locked`, [lock]);
    if (!locked) return null;
    try {
      return await sweep(async ({ table, key, where }, parameters) => {
        let total = 0;
        for (;;) {
          // pg answers a DELETE through TypeORM as [rows, affected].
          const [, affected] = (await runner.query(
            `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${where} LIMIT ${BATCH})`,
            parameters,
          )) as [unknown[], number | undefined];
          const deleted = affected ?? 0;
          total += deleted;
          if (deleted < BATCH) return total;
        }
      });
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1 || current_schema()))`, [lock]);
    }
  } finally {
    await runner.release();
  }
}
