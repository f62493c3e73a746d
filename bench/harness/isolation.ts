import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

export { ensureDatabase } from '#common';

const run = promisify(execFile);

export async function rabbitmqctl(...args: string[]): Promise<string> {
  const { stdout } = await run('rabbitmqctl', ['-q', ...args], { timeout: 60_000 });
  return stdout;
}

/** A fresh vhost for the run, guest allowed in it; whatever a killed earlier run left under the same name goes first. */
export async function createVhost(vhost: string): Promise<void> {
  await deleteVhost(vhost);
  await rabbitmqctl('add_vhost', vhost);
  await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
}

export async function deleteVhost(vhost: string): Promise<void> {
  await rabbitmqctl('delete_vhost', vhost).catch(() => undefined);
}

export function withVhost(baseUrl: string, vhost: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return url.toString();
}

/** Ready plus unacknowledged messages of every queue of the vhost. */
export async function vhostBacklog(vhost: string): Promise<number> {
  const output = await rabbitmqctl('list_queues', '-p', vhost, '--no-table-headers', 'name', 'messages_ready', 'messages_unacknowledged');
  return output
    .split('\n')
    .filter((line) => line.trim() && !line.includes('.dead'))
    .reduce((sum, line) => {
      const [, ready, unacked] = line.split('\t');
      return sum + (Number(ready) || 0) + (Number(unacked) || 0);
    }, 0);
}

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
    if (!this.client) throw new Error('not acquired');
    return this.client.query(sql, values);
  }

  /** max_connections and how many are in use now, across every database of the server. */
  async connectionHeadroom(): Promise<{ max: number; used: number }> {
    const { rows } = await this.query(`SELECT current_setting('max_connections')::int AS max, (SELECT count(*)::int FROM pg_stat_activity) AS used`);
    return rows[0] as { max: number; used: number };
  }

  async dropSchemas(schemas: string[]): Promise<void> {
    for (const schema of schemas) await this.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }

  async release(): Promise<void> {
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
