/**
 * A bare consuming service: consume from its quorum queue (prefetch 32, as the services), then one
 * pg transaction with the inbox row and one write, then ack; it tells the bench each subject handled.
 */
import amqp, { type ConsumeMessage } from 'amqplib';
import pg from 'pg';
import { BARE_CONSUMERS, BARE_EXCHANGE, bareEnv, bareQueue, isTimed, poolConfig, type BareConsumer, type BareReport } from './protocol.js';

const name = process.argv[2] as BareConsumer;
if (!BARE_CONSUMERS.includes(name)) throw new Error(`usage: consumer.js ${BARE_CONSUMERS.join('|')}`);
const timed = isTimed(name);
const env = bareEnv();
const pool = new pg.Pool(poolConfig(env, name));
const queue = bareQueue(name);

const connection = await amqp.connect(env.BARE_RABBITMQ_URL);
const channel = await connection.createChannel();
await channel.prefetch(32);
await channel.assertExchange(BARE_EXCHANGE, 'topic', { durable: true });
await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
await channel.bindQueue(queue, BARE_EXCHANGE, 'registration.*');

interface Event {
  id: string;
  type: string;
  subject: string;
  missionid: string;
  data: { participant: { email: string } };
}

async function handle(message: ConsumeMessage): Promise<string> {
  const event = JSON.parse(message.content.toString('utf8')) as Event;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inbox = await client.query(`INSERT INTO ${name}_inbox (event_id, handler) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`, [
      event.id,
      name,
    ]);
    if (inbox.rowCount === 1) {
      if (name === 'scheduling') {
        await client.query(
          `INSERT INTO scheduling_participants (registration_id, mission_id, status) VALUES ($1, $2, $3)
           ON CONFLICT (registration_id) DO UPDATE SET status = excluded.status`,
          [event.subject, event.missionid, event.type],
        );
      } else if (name === 'notifications') {
        await client.query(`INSERT INTO notifications_log (event_id, recipient) VALUES ($1, $2)`, [event.id, event.data.participant.email]);
      } else {
        await client.query(`INSERT INTO dashboard_events (mission_id, event_id, type, payload) VALUES ($1, $2, $3, $4)`, [
          event.missionid,
          event.id,
          event.type,
          message.content.toString('utf8'),
        ]);
      }
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return event.subject;
}

const { consumerTag } = await channel.consume(queue, (message) => {
  if (!message) return;
  handle(message).then(
    (subject) => {
      channel.ack(message);
      if (timed) process.send?.(subject satisfies BareReport);
    },
    (err: unknown) => {
      console.error(`bare ${name}:`, err);
      channel.nack(message, false, true);
    },
  );
});
process.send?.({ ready: true } satisfies BareReport);

process.once('SIGTERM', () => {
  void channel
    .cancel(consumerTag)
    .then(() => new Promise((resolve) => setTimeout(resolve, 200)))
    .then(() => connection.close())
    .then(() => pool.end())
    .catch(() => undefined)
    .finally(() => process.exit(0));
});
