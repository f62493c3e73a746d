import type { Channel } from 'amqplib';
import { subscriptions } from '#contracts';

export interface QueueNames {
  main: string;
  dead: string;
  retry(delayMs: number): string;
}

export function queueNames(service: string): QueueNames {
  const main = `mission-hub.${service}`;
  return { main, dead: `${main}.dead`, retry: (delayMs) => `${main}.retry.${delayMs}` };
}

/**
 * Where an event no queue is bound to is kept: publishers publish with `mandatory`, and the broker
 * hands back what it could route nowhere; the publisher puts it here (a fanout exchange and its one
 * queue) before it calls the event published. Never dropped, and `dead-letters --service unroutable`
 * lists and replays it.
 */
export const UNROUTABLE = { exchange: 'mission-hub.unroutable', queue: 'mission-hub.unroutable' } as const;

export interface ServiceTopology {
  exchange: string;
  service: string;
  /** Binding patterns of the main queue: the patterns of the service's `@EventPattern` handlers. */
  patterns: readonly string[];
  retryDelaysMs: readonly number[];
}

/**
 * A message redelivered this many times is one that kills or hangs its consumer before the ack
 * (a thrown error takes the retry path instead); the broker then dead-letters it so that it
 * cannot block the queue forever.
 */
export const DELIVERY_LIMIT = 20;

/**
 * Patterns a release dropped from a service's row of `subscriptions`: a queue keeps its bindings across
 * releases, so they are unbound on every declare (unbinding one that is gone already is no error).
 * Notifications bound `#` until its own events stopped coming back to it.
 */
const RETIRED_BINDINGS: Readonly<Record<string, readonly string[]>> = { notifications: ['#'] };

/**
 * A consumer's whole topology: its queue, bindings and dead-letter queue (`assertConsumedQueue`) and
 * its retry queues. Every queue is a quorum queue: replicated, and with at-least-once
 * dead-lettering so that a message moving from a retry queue back to the main queue cannot be lost
 * on the way. Declarations are idempotent as long as the arguments never change, so this runs on
 * every (re)connect.
 */
export async function assertTopology(channel: Channel, topology: ServiceTopology): Promise<void> {
  const names = queueNames(topology.service);
  await assertConsumedQueue(channel, topology.exchange, topology.service, topology.patterns);
  for (const delayMs of new Set(topology.retryDelaysMs)) {
    await channel.assertQueue(names.retry(delayMs), {
      durable: true,
      arguments: { 'x-queue-type': 'quorum', 'x-message-ttl': delayMs, ...deadLetterTo(names.main) },
    });
  }
}

/**
 * What must exist before an event is published for a consumer not to miss it: the exchange, the
 * consumer's queue (with its dead-letter queue) and its bindings. Declared with the same arguments
 * by publishers and by the consumer itself, whichever comes first.
 */
export async function assertConsumedQueue(channel: Channel, exchange: string, service: string, patterns: readonly string[]): Promise<void> {
  const names = queueNames(service);
  await assertEventsExchange(channel, exchange);
  await channel.assertQueue(names.dead, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.assertQueue(names.main, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': DELIVERY_LIMIT,
      ...deadLetterTo(names.dead),
    },
  });
  for (const pattern of new Set(patterns)) {
    await channel.bindQueue(names.main, exchange, pattern);
  }
  for (const pattern of RETIRED_BINDINGS[service] ?? []) {
    if (!patterns.includes(pattern)) await channel.unbindQueue(names.main, exchange, pattern);
  }
}

/**
 * Everything a publisher needs before its first publish: every consumer's queue and bindings
 * (`subscriptions`, one table for the deployment) and the place unroutable events are kept. Run by
 * every service's publishing channel on each (re)open and by `npm run topology` before a deploy.
 */
export async function assertDeploymentTopology(channel: Channel, exchange: string): Promise<void> {
  await assertEventsExchange(channel, exchange);
  await channel.assertExchange(UNROUTABLE.exchange, 'fanout', { durable: true });
  await channel.assertQueue(UNROUTABLE.queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(UNROUTABLE.queue, UNROUTABLE.exchange, '');
  for (const [service, patterns] of Object.entries(subscriptions)) {
    await assertConsumedQueue(channel, exchange, service, patterns);
  }
}

/**
 * The events exchange keeps the arguments it was first declared with (none): RabbitMQ refuses to
 * redeclare an exchange with other ones, so an `alternate-exchange` argument could not be added to
 * the vhosts that exist already. Unroutable events are caught by `mandatory` publishing instead.
 */
export async function assertEventsExchange(channel: Channel, exchange: string): Promise<void> {
  await channel.assertExchange(exchange, 'topic', { durable: true });
}

function deadLetterTo(queue: string) {
  return {
    'x-dead-letter-exchange': '',
    'x-dead-letter-routing-key': queue,
    // at-least-once dead-lettering needs reject-publish overflow (RabbitMQ 3.10+).
    'x-dead-letter-strategy': 'at-least-once',
    'x-overflow': 'reject-publish',
  };
}
