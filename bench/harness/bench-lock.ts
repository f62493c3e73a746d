import pg from 'pg';
import { dropSchemasWith } from '../../test/support/isolation.js';

/**
 * The run's hold on the bench database: a session advisory lock, so that two bench runs never share
 * the schemas and the vhost, held on a connection that stays open for the whole run.
 */
export class BenchLock {
  private client?: pg.Client;

  async acquire(databaseUrl: string): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'mission-hub-bench' });
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext('mission-hub-bench')) AS locked`);
    if (!rows[0].locked) {
      await client.end();
      throw new Error('another bench run holds the bench database (advisory lock mission-hub-bench); wait for it to finish');
    }
    this.client = client;
  }

  async query(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
    return this.held().query(sql, values);
  }

  /** max_connections and how many are in use now, across every database of the server. */
  async connectionHeadroom(): Promise<{ max: number; used: number }> {
    const { rows } = await this.query(`SELECT current_setting('max_connections')::int AS max, (SELECT count(*)::int FROM pg_stat_activity) AS used`);
    return rows[0] as { max: number; used: number };
  }

  dropSchemas(schemas: string[]): Promise<void> {
    return dropSchemasWith(this.held(), schemas);
  }

  async release(): Promise<void> {
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private held(): pg.Client {
    if (!this.client) throw new Error('not acquired');
    return this.client;
  }
}
