import type { UpstreamService } from '../web-config.js';

/**
 * Which service owns each call under `/api`. A route is a path prefix in segments, `*` standing
 * for one segment (an id); the route with the most segments that matches wins, so a mission's
 * sub-resources go to their own service and the rest of `/api/missions/…` to scheduling.
 * `route-table.spec.ts` checks it against every path of `docs/openapi/*.json`.
 */
export const routeTable: readonly { prefix: string; service: UpstreamService }[] = [
  { prefix: '/api/missions', service: 'scheduling' },
  { prefix: '/api/missions/*/registration-settings', service: 'registration' },
  { prefix: '/api/missions/*/registration-form', service: 'registration' },
  { prefix: '/api/missions/*/registrations', service: 'registration' },
  { prefix: '/api/missions/*/access-links', service: 'registration' },
  { prefix: '/api/missions/*/delegations', service: 'registration' },
  { prefix: '/api/missions/*/categories', service: 'registration' },
  { prefix: '/api/delegations', service: 'registration' },
  { prefix: '/api/registrations', service: 'registration' },
  { prefix: '/api/participant-sessions', service: 'registration' },
  { prefix: '/api/missions/*/deliveries', service: 'notifications' },
  { prefix: '/api/missions/*/webhooks', service: 'notifications' },
  { prefix: '/api/missions/*/broadcasts', service: 'notifications' },
  { prefix: '/api/missions/*/participants/*/broadcasts', service: 'notifications' },
  { prefix: '/api/missions/*/summary', service: 'dashboard' },
  { prefix: '/api/missions/*/stream', service: 'dashboard' },
  { prefix: '/api/missions/*/report', service: 'dashboard' },
  { prefix: '/api/mous', service: 'mou-registry' },
  { prefix: '/api/action-plans', service: 'mou-registry' },
];

const compiled = routeTable
  .map(({ prefix, service }) => ({ segments: prefix.split('/').filter(Boolean), service }))
  .sort((a, b) => b.segments.length - a.segments.length);

/** The service that owns a path (no query), or undefined when no service does. */
export function owningService(path: string): UpstreamService | undefined {
  const segments = path.split('/').filter(Boolean);
  const route = compiled.find(
    (candidate) => candidate.segments.length <= segments.length && candidate.segments.every((part, i) => part === '*' || part === segments[i]),
  );
  return route?.service;
}
