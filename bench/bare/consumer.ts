/**
 * A bare consuming service: consume from its quorum queue (prefetch 32, as the services), then one
 * pg transaction with the inbox row and one write, then ack; it tells the bench each subject handled.
 * The notifications consumer also sends the e-mail (pooled nodemailer, 10 connections, as the
 * service) and publishes `notification.sent` (publisher confirm) before it acks, as the service
 * sends and announces every e-mail.
 */
import amqp, { type ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import pg from 'pg';
import { BARE_CONSUMERS, BARE_EXCHANGE, bareEnv, bareQueue, bindingsOf, isTimed, poolConfig, type BareConsumer, type BareReport } from './protocol.js';

const name = process.argv[2] as BareConsumer;
if (!BARE_CONSUMERS.includes(name)) throw new Error(`usage: consumer.js ${BARE_CONSUMERS.join('|')}`);
const timed = isTimed(name);
const env = bareEnv();
const pool = new pg.Pool(poolConfig(env, name));
const queue = bareQueue(name);

const connection = await amqp.connect(env.BARE_RABBITMQ_URL);
// A confirm channel: the notifications consumer publishes on it; the others only consume.
const channel = await connection.createConfirmChannel();
await channel.prefetch(32);
await channel.assertExchange(BARE_EXCHANGE, 'topic', { durable: true });
await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
for (const pattern of bindingsOf(name)) await channel.bindQueue(queue, BARE_EXCHANGE, pattern);
const mailer =
  name === 'notifications' && env.BARE_SMTP_URL
    ? createTransport({ url: env.BARE_SMTP_URL, pool: true, maxConnections: 10, maxMessages: 1000, tls: { rejectUnauthorized: false } })
    : undefined;

interface Event {
  id: string;
  type: string;
  subject: string;
  missionid: string;
  data: { participant: { email: string; givenName?: string; familyName?: string } };
}

async function handle(message: ConsumeMessage): Promise<Event> {
  const event = JSON.parse(message.content.toString('utf8')) as Event;
  const client = await pool.connect();
  let fresh: boolean;
  try {
    await client.query('BEGIN');
    const inbox = await client.query(`INSERT INTO ${name}_inbox (event_id, handler) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`, [
      event.id,
      name,
    ]);
    fresh = inbox.rowCount === 1;
    if (fresh) {
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
  if (fresh && mailer && event.type.startsWith('registration.')) await sendMail(event);
  return event;
}

/** The e-mail (text and HTML made from the same paragraphs, as the service's), then its `notification.sent`. */
async function sendMail(event: Event): Promise<void> {
  const { participant } = event.data;
  const name = [participant.givenName, participant.familyName].filter(Boolean).join(' ') || participant.email;
  const subject = `Your registration: ${event.type === 'registration.confirmed' ? 'confirmed' : 'on the waiting list'}`;
  const paragraphs = [
    `Dear ${name},`,
    `your registration for the mission is ${event.type === 'registration.confirmed' ? 'confirmed' : 'on the waiting list'}.`,
    `Your own pages, where you can see your registration, your agenda and your meetings: https://mission-hub.example.org/p/${event.subject}`,
    'The organisers',
  ];
  const escape = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  await mailer!.sendMail({
    from: 'mission-hub <no-reply@mission-hub.example.org>',
    to: { name, address: participant.email },
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escape(subject)}</title></head>\n<body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}\n</body>\n</html>\n`,
    messageId: `<${event.id}@mission-hub.example.org>`,
    headers: { 'X-Mission-Hub-Event': event.id },
  });
  const sent = {
    specversion: '1.0',
    id: randomUUID(),
    source: '/bare/notifications',
    type: 'notification.sent',
    time: new Date().toISOString(),
    subject: event.subject,
    datacontenttype: 'application/json',
    missionid: event.missionid,
    data: { causeEventId: event.id, channel: 'email', recipient: participant.email },
  };
  await new Promise<void>((resolve, reject) =>
    channel.publish(BARE_EXCHANGE, sent.type, Buffer.from(JSON.stringify(sent)), { persistent: true, messageId: sent.id, type: sent.type }, (err) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
    ),
  );
}

const { consumerTag } = await channel.consume(queue, (message) => {
  if (!message) return;
  handle(message).then(
    (event) => {
      channel.ack(message);
      // Timed as mission-hub's stream is: when the registration's own event is there.
      if (timed && event.type.startsWith('registration.')) process.send?.(event.subject satisfies BareReport);
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
    .then(() => mailer?.close())
    .then(() => connection.close())
    .then(() => pool.end())
    .catch(() => undefined)
    .finally(() => process.exit(0));
});
