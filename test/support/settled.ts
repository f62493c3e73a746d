import type { ServiceName } from '#common';
import { queueNames } from '#messaging';
import { eventually } from './eventually.js';
import { queueBacklogs, withDatabase } from './isolation.js';
import type { TestSystem } from './system.js';

/**
 * Every event the service has written to its outbox so far is on the exchange: a row is marked
 * published only once the broker has confirmed it, i.e. put it on every bound queue.
 */
export function outboxRelayed(system: Pick<TestSystem, 'schemaOf'>, service: ServiceName): Promise<unknown> {
  return eventually(
    () =>
      withDatabase(async (client) => {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${system.schemaOf(service)}".outbox WHERE published_at IS NULL`);
        return rows[0].n === 0;
      }),
    { what: `${service}'s outbox to be relayed`, timeoutMs: 30_000 },
  );
}

/**
 * Whether the service's queue and its retry queues (`queueNames`: one per delay, whatever delays it
 * was given) hold nothing: every event that reached it has been handled or dead-lettered.
 */
export async function eventQueuesEmpty(system: Pick<TestSystem, 'vhost'>, service: ServiceName): Promise<boolean> {
  const { main } = queueNames(service);
  const backlogs = await queueBacklogs(system.vhost);
  if (!backlogs.has(main)) throw new Error(`no queue ${main} in ${system.vhost}`);
  return [...backlogs].every(([queue, backlog]) => (queue !== main && !queue.startsWith(`${main}.retry.`)) || backlog === 0);
}

/** Waits for `eventQueuesEmpty`. */
export function eventsHandled(system: Pick<TestSystem, 'vhost'>, service: ServiceName): Promise<unknown> {
  return eventually(() => eventQueuesEmpty(system, service), { what: `${service} to handle every event on its queues`, timeoutMs: 30_000 });
}
