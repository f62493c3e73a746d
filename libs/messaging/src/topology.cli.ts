/**
 * Declares the whole deployment's topology on the broker: the events exchange, every consuming
 * service's queue, bindings, retry and dead-letter queues (`subscriptions` in libs/contracts), and
 * the queue unroutable events are kept in. For a deploy, before any service starts:
 *
 *   npm run topology            (RABBITMQ_URL and EVENTS_EXCHANGE as everywhere else)
 *
 * Every service declares the same at start, before it publishes (`BrokerConnection`) or consumes
 * (`AmqpEventsServer`); running this first means a binding added by the deploy exists before the
 * old instances publish anything it should catch.
 */
import { pathToFileURL } from 'node:url';
import { connectToFirstBroker } from './broker-connection.js';
import { subscriptions } from '#contracts';
import { DEFAULT_RETRY_DELAYS_MS } from './retry-policy.js';
import { assertDeploymentTopology, assertTopology, queueNames, UNROUTABLE } from './topology.js';

export async function declareTopology(url: string, exchange: string): Promise<string[]> {
  const connection = await connectToFirstBroker(url);
  try {
    const channel = await connection.createChannel();
    await assertDeploymentTopology(channel, exchange);
    const declared: string[] = [UNROUTABLE.queue];
    for (const [service, patterns] of Object.entries(subscriptions)) {
      await assertTopology(channel, { exchange, service, patterns, retryDelaysMs: DEFAULT_RETRY_DELAYS_MS });
      declared.push(`${queueNames(service).main} ← ${[...new Set(patterns)].join(', ')}`);
    }
    await channel.close();
    return declared;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const exchange = process.env.EVENTS_EXCHANGE ?? 'mission-hub.events';
  declareTopology(url, exchange).then(
    (declared) => {
      console.log(`topology declared on ${exchange}:`);
      for (const line of declared) console.log(`  ${line}`);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
