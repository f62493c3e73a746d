import { CreatePeriodicRuns1732000020000, PeriodicJob, sql, type UnitOfWork } from '#common';
import type { LoggerService } from '@nestjs/common';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { eventually } from './support/eventually.js';
import { dropSchemas, ensureTestDatabase, newRunId, TEST_DATABASE_URL } from './support/isolation.js';

const quiet: LoggerService = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('a periodic job with several instances', () => {
  const schema = `periodic_${newRunId()}`;
  const clients: pg.Client[] = [];

  /** One instance's connection, on the test's schema, as a unit of work outside a transaction. */
  async function instanceDatabase(): Promise<UnitOfWork> {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await client.connect();
    clients.push(client);
    return {
      query: async (statement: { text: string; values: readonly unknown[] }) => (await client.query(statement.text, [...statement.values])).rows,
    } as UnitOfWork;
  }

  beforeAll(async () => {
    await ensureTestDatabase();
    const database = await instanceDatabase();
    await database.query(sql(`CREATE SCHEMA ${schema}`));
    await new CreatePeriodicRuns1732000020000().up({ query: (text: string) => database.query(sql(text)) } as unknown as QueryRunner);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await dropSchemas([schema]);
  });

  it('runs once per period across three instances, each period claimed by whichever woke first', async () => {
    const runs: string[] = [];
    const jobs = await Promise.all(
      ['a', 'b', 'c'].map(async (instance) => {
        const database = await instanceDatabase();
        return new PeriodicJob({
          name: 'sweep',
          intervalMs: 400,
          instance,
          logger: quiet,
          database: () => database,
          run: async () => {
            runs.push(instance);
          },
        });
      }),
    );
    jobs.forEach((job) => job.start());
    const [reader] = clients;
    const periods = async () =>
      (
        await reader!.query<{ period_start: Date; instance: string; finished: boolean }>(
          `SELECT period_start, instance, finished_at IS NOT NULL AS finished FROM ${schema}.periodic_runs WHERE job = 'sweep' ORDER BY period_start`,
        )
      ).rows;
    await eventually(async () => (await periods()).filter((period) => period.finished).length >= 6, { what: 'six periods run', timeoutMs: 20_000 });
    await Promise.all(jobs.map((job) => job.stop()));

    const claimed = await periods();
    // One run per claimed period, and no period run by two instances: three woke in each.
    expect(runs).toHaveLength(claimed.length);
    expect(claimed.map((period) => period.instance).sort()).toEqual([...runs].sort());
    // Periods follow each other without a gap: one instance or another took each.
    const starts = claimed.map((period) => period.period_start.getTime());
    for (let n = 1; n < starts.length; n++) expect(starts[n]! - starts[n - 1]!).toBe(400);
  });
});
