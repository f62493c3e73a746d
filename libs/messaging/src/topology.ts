import type { Channel } from 'amqplib';

export interface QueueNames {
  main: string;
  dead: string;
  retry(delayMs: number): string;
}

export function queueNames(service: string): QueueNames {
  const main = `mission-hub.${service}`;
  return { main, dead: `${main}.dead`, retry: (delayMs) => `${main}.retry.${delayMs}` };
}

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
 * Every queue is a quorum queue: replicated, and with at-least-once dead-lettering so that a
 * message moving from a retry queue back to the main queue cannot be lost on the way.
 * Declarations are idempotent as long as the arguments never change, so this runs on every
 * (re)connect.
 */
export async function assertTopology(channel: Channel, topology: ServiceTopology): Promise<void> {
  const names = queueNames(topology.service);
  await assertEventsExchange(channel, topology.exchange);
  await channel.assertQueue(names.dead, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.assertQueue(names.main, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': DELIVERY_LIMIT,
      ...deadLetterTo(names.dead),
    },
  });
  for (const delayMs of new Set(topology.retryDelaysMs)) {
    await channel.assertQueue(names.retry(delayMs), {
      durable: true,
      arguments: { 'x-queue-type': 'quorum', 'x-message-ttl': delayMs, ...deadLetterTo(names.main) },
    });
  }
  for (const pattern of new Set(topology.patterns)) {
    await channel.bindQueue(names.main, topology.exchange, pattern);
  }
}

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
