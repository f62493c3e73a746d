import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { ensureDatabase } from '#common';

const run = promisify(execFile);

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mission_hub_test';
const RABBITMQ_BASE = process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A short id that names this run's vhost and schemas, so runs never see each other's data. */
export function newRunId(): string {
  return `t${randomBytes(4).toString('hex')}`;
}

export function rabbitmqUrlFor(vhost: string): string {
  return `${RABBITMQ_BASE}/${encodeURIComponent(vhost)}`;
}

export async function rabbitmqctl(...args: string[]): Promise<string> {
  const { stdout } = await run('rabbitmqctl', ['-q', ...args], { timeout: 60_000 });
  return stdout;
}

export async function createVhost(vhost: string): Promise<void> {
  await rabbitmqctl('add_vhost', vhost);
  await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
}

export async function deleteVhost(vhost: string): Promise<void> {
  await rabbitmqctl('delete_vhost', vhost).catch(() => undefined);
}

/** Cuts every client connection of the vhost, as a broker restart or a network cut would. */
export async function closeVhostConnections(vhost: string): Promise<void> {
  await rabbitmqctl('close_all_connections', '-p', vhost, 'cut by test');
}

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>, url = TEST_DATABASE_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function ensureTestDatabase(): Promise<void> {
  return ensureDatabase(TEST_DATABASE_URL);
}

export async function dropSchemas(schemas: string[]): Promise<void> {
  await withDatabase(async (client) => {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
}

/** Ready plus unacknowledged messages of a queue: zero once a consumer has finished with everything. */
export async function queueBacklog(vhost: string, queue: string): Promise<number> {
  const output = await rabbitmqctl('list_queues', '-p', vhost, '--no-table-headers', 'name', 'messages_ready', 'messages_unacknowledged');
  const line = output.split('\n').find((row) => row.split('\t')[0] === queue);
  if (!line) throw new Error(`no queue ${queue} in ${vhost}`);
  const [, ready, unacked] = line.split('\t');
  return Number(ready) + Number(unacked);
}
