import type { ServiceName } from '#common';
import { queueNames } from '#messaging';
import { eventually } from './eventually.js';
import { queuesIn, readyMessages, withDatabase } from './isolation.js';
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
 * Whether every event that reached the service has been handled or dead-lettered: its queue and its
 * retry queues (`queueNames`: one per delay, whatever delays it was given) hold none ready, and no
 * running instance holds one unsettled (`mission_hub_events_in_flight`). Both are read live: the
 * broker's own message counts of a quorum queue lag by seconds (`readyMessages`).
 */
export async function eventQueuesEmpty(system: Pick<TestSystem, 'vhost' | 'rabbitmqUrl' | 'urls'>, service: ServiceName): Promise<boolean> {
  const ready = await readyMessages(system.rabbitmqUrl, await queuesOf(system.vhost, service));
  if ([...ready.values()].some((count) => count > 0)) return false;
  const held = await Promise.all(system.urls(service).map(eventsInFlight));
  return held.every((count) => count === 0);
}

/** Waits for `eventQueuesEmpty`. */
export function eventsHandled(system: Pick<TestSystem, 'vhost' | 'rabbitmqUrl' | 'urls'>, service: ServiceName): Promise<unknown> {
  return eventually(() => eventQueuesEmpty(system, service), { what: `${service} to handle every event on its queues`, timeoutMs: 30_000 });
}

const queuesByService = new Map<string, Promise<string[]>>();

/** The service's queue and its retry queues in the vhost: named once the service has declared them, which it does before it is ready. */
function queuesOf(vhost: string, service: ServiceName): Promise<string[]> {
  const key = `${vhost} ${service}`;
  let queues = queuesByService.get(key);
  if (!queues) {
    const { main } = queueNames(service);
    queues = queuesIn(vhost).then((names) => {
      if (!names.includes(main)) throw new Error(`no queue ${main} in ${vhost}`);
      return names.filter((queue) => queue === main || queue.startsWith(`${main}.retry.`));
    });
    queues.catch(() => queuesByService.delete(key));
    queuesByService.set(key, queues);
  }
  return queues;
}

/** The messages an instance holds unsettled, from its metrics. */
async function eventsInFlight(url: string): Promise<number> {
  const exposition = await (await fetch(`${url}/metrics`)).text();
  const line = /^mission_hub_events_in_flight(?:\{[^}]*\})? (\S+)$/m.exec(exposition);
  if (!line) throw new Error(`no mission_hub_events_in_flight in ${url}/metrics`);
  return Number(line[1]);
}
