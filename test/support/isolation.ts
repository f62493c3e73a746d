import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import amqp from 'amqplib';
import pg from 'pg';
import { ensureDatabase } from '#common';

const run = promisify(execFile);

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mission_hub_test';
const RABBITMQ_BASE = process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A short id that names this run's vhost and schemas, so runs never see each other's data. */
export function newRunId(): string {
  return `t${randomBytes(4).toString('hex')}`;
}

/** The broker URL of a vhost: the tests' broker, or another base (the bench's `--rabbitmq-url`) with its path replaced. */
export function rabbitmqUrlFor(vhost: string, base = RABBITMQ_BASE): string {
  const url = new URL(base);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return url.toString();
}

export async function rabbitmqctl(...args: string[]): Promise<string> {
  const { stdout } = await run('rabbitmqctl', ['-q', ...args], { timeout: 60_000 });
  return stdout;
}

/** A vhost with guest allowed in it; `replace`: what a killed earlier run left under the same name (the bench's is fixed) goes first. */
export async function createVhost(vhost: string, { replace = false } = {}): Promise<void> {
  if (replace) await deleteVhost(vhost);
  await rabbitmqctl('add_vhost', vhost);
  await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
}

/** Deletes the vhost and everything in it; one that is already gone (a start that failed before it was made) is no error. */
export async function deleteVhost(vhost: string): Promise<void> {
  await rabbitmqctl('delete_vhost', vhost).catch((error: Error & { stderr?: string }) => {
    if (!/does not exist/.test(error.stderr ?? '')) throw error;
  });
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

export async function dropSchemas(schemas: string[], url = TEST_DATABASE_URL): Promise<void> {
  await withDatabase((client) => dropSchemasWith(client, schemas), url);
}

/** The same on a connection the caller holds (the bench's, which keeps its lock on it). */
export async function dropSchemasWith(client: pg.Client, schemas: string[]): Promise<void> {
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** The queues of the vhost, from one rabbitmqctl call (it takes a second or more); their counts are `readyMessages`'. */
export async function queuesIn(vhost: string): Promise<string[]> {
  const output = await rabbitmqctl('list_queues', '-p', vhost, '--no-table-headers', 'name');
  return output.split('\n').filter((row) => row.trim() !== '');
}

/**
 * The messages ready in each queue now, asked of the queues themselves (a passive declare). Not
 * `rabbitmqctl list_queues`: a quorum queue's counts there are metrics it publishes every few
 * seconds, so they read 0 for a while after a publish.
 */
export async function readyMessages(rabbitmqUrl: string, queues: readonly string[]): Promise<Map<string, number>> {
  const connection = await amqp.connect(rabbitmqUrl);
  try {
    const channel = await connection.createChannel();
    const counts = new Map<string, number>();
    for (const queue of queues) counts.set(queue, (await channel.checkQueue(queue)).messageCount);
    return counts;
  } finally {
    await connection.close().catch(() => undefined);
  }
}
