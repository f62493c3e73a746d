/**
 * Bare registration: node:http, one pg transaction per registration (the row and its outbox row),
 * and the relay in the same process, woken after each commit, as in the service.
 */
import amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { BareRelay } from './relay.js';
import { BARE_EXCHANGE, BARE_ROUTING_KEY, bareEnv, poolConfig, type BareReport } from './protocol.js';

const env = bareEnv();
const pool = new pg.Pool(poolConfig(env, 'registration'));
const capacityCheck = env.BARE_CAPACITY === '1';
const REGISTRATIONS = /^\/api\/missions\/([0-9a-f-]{36})\/registrations$/;
const SETTINGS = /^\/api\/missions\/([0-9a-f-]{36})\/registration-settings$/;

const connection = await amqp.connect(env.BARE_RABBITMQ_URL);
const channel = await connection.createConfirmChannel();
await channel.assertExchange(BARE_EXCHANGE, 'topic', { durable: true });
const relay = new BareRelay(pool, channel);
relay.start();

const server = createServer((request, response) => {
  handle(request, response).catch((err: unknown) => {
    console.error('bare producer:', err);
    if (!response.headersSent) reply(response, 500, { title: 'internal error' });
  });
});
server.keepAliveTimeout = 65_000;

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = request.url ?? '';
  if (request.method === 'GET' && path.startsWith('/health/')) return reply(response, 200, { status: 'ok' });
  const settings = SETTINGS.exec(path);
  if (request.method === 'PUT' && settings) {
    const { capacity } = JSON.parse(await readBody(request)) as { capacity: number };
    await pool.query(`INSERT INTO missions (id, capacity) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET capacity = excluded.capacity`, [
      settings[1],
      capacity,
    ]);
    return reply(response, 200, { capacity });
  }
  const registrations = REGISTRATIONS.exec(path);
  if (request.method !== 'POST' || !registrations) return reply(response, 404, { title: 'not found' });
  let input: { email?: unknown };
  try {
    input = JSON.parse(await readBody(request));
  } catch {
    return reply(response, 400, { title: 'malformed JSON' });
  }
  if (typeof input?.email !== 'string') return reply(response, 422, { title: 'invalid', errors: [{ field: 'email' }] });

  const missionId = registrations[1];
  const id = randomUUID();
  const eventId = randomUUID();
  const client = await pool.connect();
  let status = 'confirmed';
  try {
    await client.query('BEGIN');
    if (capacityCheck) {
      const seat = await client.query(`UPDATE missions SET confirmed = confirmed + 1 WHERE id = $1 AND confirmed < capacity RETURNING confirmed`, [missionId]);
      if (seat.rowCount === 0) status = 'waitlisted';
    }
    await client.query(`INSERT INTO registrations (id, mission_id, email, status, data) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      missionId,
      input.email,
      status,
      input,
    ]);
    const type = status === 'confirmed' ? BARE_ROUTING_KEY : 'registration.waitlisted';
    const event = {
      specversion: '1.0',
      id: eventId,
      source: '/bare/registration',
      type,
      time: new Date().toISOString(),
      subject: id,
      datacontenttype: 'application/json',
      dataversion: '1',
      missionid: missionId,
      correlationid: eventId,
      data: { registrationId: id, missionId, status, participant: input },
    };
    await client.query(`INSERT INTO outbox (event_id, type, payload) VALUES ($1, $2, $3)`, [eventId, type, JSON.stringify(event)]);
    await client.query('COMMIT');
    relay.wake();
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((err as { code?: string }).code === '23505') return reply(response, 409, { title: 'already registered' });
    throw err;
  } finally {
    client.release();
  }
  reply(response, 201, { id, status });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 65_536) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
process.send?.({ ready: true, port: (server.address() as AddressInfo).port } satisfies BareReport);

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void relay
    .stop()
    .then(() => connection.close())
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
