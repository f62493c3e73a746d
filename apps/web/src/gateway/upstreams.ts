import type { UpstreamService, WebConfig } from '../web-config.js';

const turns = new WeakMap<WebConfig, Map<UpstreamService, number>>();

/** The instance of `service` whose turn it is: round-robin over its addresses, per web entry (its config). */
export function nextUpstream(config: WebConfig, service: UpstreamService): string {
  const pool = config.upstreamPools?.[service] ?? [config.upstreams[service]];
  if (pool.length === 1) return pool[0]!;
  const counters = turns.get(config) ?? new Map<UpstreamService, number>();
  turns.set(config, counters);
  const turn = counters.get(service) ?? 0;
  counters.set(service, (turn + 1) % pool.length);
  return pool[turn]!;
}
