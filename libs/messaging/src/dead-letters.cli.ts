/**
 * Operator tool for a service's dead-letter queue.
 *
 *   node dist/libs/messaging/src/dead-letters.cli.js list --service <name>
 *   node dist/libs/messaging/src/dead-letters.cli.js show <n> --service <name>
 *   node dist/libs/messaging/src/dead-letters.cli.js replay (--all | <messageId>) --service <name> [--via-exchange]
 *   node dist/libs/messaging/src/dead-letters.cli.js purge --service <name>
 *
 * RABBITMQ_URL and EVENTS_EXCHANGE as everywhere else. Reading is non-destructive: messages are
 * fetched without ack and given back to the queue at the end.
 */
import { pathToFileURL } from 'node:url';
import type { ConfirmChannel, GetMessage } from 'amqplib';
import { connectToFirstBroker } from './broker-connection.js';
import { BROKER_HEADERS, MessageHeaders } from './message-headers.js';
import { queueNames, UNROUTABLE } from './topology.js';

export interface DeadLetterTarget {
  url: string;
  exchange: string;
  service: string;
}

export interface DeadLetter {
  /** 1-based position in the queue, as `show` takes it. */
  position: number;
  messageId: string | undefined;
  routingKey: string;
  reason: string;
  retries: number;
  headers: Record<string, unknown>;
  body: string;
}

export async function listDeadLetters(target: DeadLetterTarget): Promise<DeadLetter[]> {
  return withDeadLetters(target, async (messages) => messages.map(describe));
}

/**
 * Sends dead letters back for another try, by default straight to the service's own queue (so
 * other services bound to the same type do not get a copy), or, with `viaExchange`, to the events
 * exchange under the event's type (`routingKeyOf`). Retries start again from zero, and so does
 * the broker's delivery count.
 */
export async function replayDeadLetters(target: DeadLetterTarget, select: { all: true } | { messageId: string }, viaExchange = false): Promise<number> {
  // Unroutable events belong to no one service's queue: only the exchange can route them now.
  if (target.service === 'unroutable') viaExchange = true;
  return withDeadLetters(target, async (messages, channel) => {
    const chosen = messages.filter((message) => 'all' in select || message.properties.messageId === select.messageId);
    for (const message of chosen) {
      const { routingKey } = describe(message, 0);
      const headers: Record<string, unknown> = { ...message.properties.headers };
      for (const name of [...BROKER_HEADERS, MessageHeaders.deathReason, MessageHeaders.retryCount, MessageHeaders.originalRoutingKey]) delete headers[name];
      const properties = { ...message.properties, headers, persistent: true };
      if (viaExchange) channel.publish(target.exchange, routingKey, message.content, properties);
      else
        channel.sendToQueue(queueNames(target.service).main, message.content, {
          ...properties,
          headers: { ...headers, [MessageHeaders.originalRoutingKey]: routingKey },
        });
    }
    // Ack a dead letter only once its copy is safely with the broker.
    await channel.waitForConfirms();
    for (const message of chosen) channel.ack(message);
    return chosen.length;
  });
}

export async function purgeDeadLetters(target: DeadLetterTarget): Promise<number> {
  const connection = await connectToFirstBroker(target.url);
  try {
    const channel = await connection.createChannel();
    const { messageCount } = await channel.purgeQueue(deadLetterQueue(target.service));
    return messageCount;
  } finally {
    await connection.close();
  }
}

/**
 * Takes every message in the dead-letter queue without acking it, hands them to `work`, and gives
 * back whatever `work` did not ack. Only as many as were there at the start are taken, so a
 * message that is dead-lettered again while replaying is not picked up a second time.
 */
async function withDeadLetters<T>(target: DeadLetterTarget, work: (messages: GetMessage[], channel: ConfirmChannel) => Promise<T>): Promise<T> {
  const connection = await connectToFirstBroker(target.url);
  try {
    const channel = await connection.createConfirmChannel();
    const queue = deadLetterQueue(target.service);
    const { messageCount } = await channel.checkQueue(queue);
    const messages: GetMessage[] = [];
    while (messages.length < messageCount) {
      const message = await channel.get(queue, { noAck: false });
      if (!message) break;
      messages.push(message);
    }
    const result = await work(messages, channel);
    // Gives back everything not acked by `work`; acked messages are no longer outstanding.
    channel.nackAll(true);
    await channel.close();
    return result;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

function describe(message: GetMessage, index: number): DeadLetter {
  const headers = (message.properties.headers ?? {}) as Record<string, unknown>;
  const deaths = headers['x-death'] as { reason?: string; queue?: string }[] | undefined;
  return {
    position: index + 1,
    messageId: message.properties.messageId as string | undefined,
    routingKey: routingKeyOf(message),
    reason: String(headers[MessageHeaders.deathReason] ?? (deaths?.[0] ? `${deaths[0].reason} in ${deaths[0].queue}` : 'unknown')),
    retries: Number(headers[MessageHeaders.retryCount] ?? 0),
    headers,
    body: message.content.toString('utf8'),
  };
}

/**
 * The routing key a dead letter was first published under: the event's own type, from its
 * CloudEvent envelope. A message the broker dead-lettered (the delivery limit) arrives under the
 * dead-letter queue's name, and only the backbone's own moves carry `x-original-routing-key`; the
 * header, then `x-death`, serve for a body that is not an event.
 */
export function routingKeyOf(message: Pick<GetMessage, 'content' | 'fields' | 'properties'>): string {
  try {
    const type = (JSON.parse(message.content.toString('utf8')) as { type?: unknown }).type;
    if (typeof type === 'string' && type.length > 0) return type;
  } catch {
    // not JSON: the headers say what they can
  }
  const headers = (message.properties.headers ?? {}) as Record<string, unknown>;
  const original = headers[MessageHeaders.originalRoutingKey];
  if (typeof original === 'string' && original.length > 0) return original;
  const deaths = headers['x-death'] as { 'routing-keys'?: unknown[] }[] | undefined;
  const first = deaths?.at(-1)?.['routing-keys']?.[0];
  return typeof first === 'string' ? first : message.fields.routingKey;
}

/** The queue `--service` names: a service's dead-letter queue, or `unroutable` for the events no queue was bound to. */
function deadLetterQueue(service: string): string {
  return service === 'unroutable' ? UNROUTABLE.queue : queueNames(service).dead;
}

const USAGE = 'usage: dead-letters <list | show <n> | replay (--all | <messageId>) [--via-exchange] | purge> --service <name>';

async function main(argv: string[]): Promise<number> {
  const serviceAt = argv.indexOf('--service');
  const service = serviceAt >= 0 ? argv[serviceAt + 1] : undefined;
  const args = argv.filter((_, i) => i !== serviceAt && i !== serviceAt + 1);
  const [command, argument] = args;
  if (!service || !command) {
    console.error(USAGE);
    return 2;
  }
  const target: DeadLetterTarget = {
    url: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    exchange: process.env.EVENTS_EXCHANGE ?? 'mission-hub.events',
    service,
  };
  switch (command) {
    case 'list': {
      const letters = await listDeadLetters(target);
      for (const letter of letters) {
        console.log(`${letter.position}\t${letter.messageId ?? '-'}\t${letter.routingKey}\tretries=${letter.retries}\t${letter.reason}`);
      }
      console.log(`${letters.length} dead letter(s) in ${deadLetterQueue(service)}`);
      return 0;
    }
    case 'show': {
      const letter = (await listDeadLetters(target))[Number(argument) - 1];
      if (!letter) {
        console.error(`no dead letter at position ${argument}`);
        return 1;
      }
      console.log(JSON.stringify({ ...letter, body: parseOrRaw(letter.body) }, null, 2));
      return 0;
    }
    case 'replay': {
      if (!argument) {
        console.error(USAGE);
        return 2;
      }
      const select = argument === '--all' ? ({ all: true } as const) : { messageId: argument };
      const replayed = await replayDeadLetters(target, select, args.includes('--via-exchange'));
      console.log(`replayed ${replayed} dead letter(s)`);
      return replayed > 0 || argument === '--all' ? 0 : 1;
    }
    case 'purge':
      console.log(`purged ${await purgeDeadLetters(target)} dead letter(s)`);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

function parseOrRaw(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
