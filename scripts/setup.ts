// `npm run setup [-- database | broker]`: each service's own Postgres role and broker user (docs/DESIGN.md,
// "Boundaries: database roles and broker users"); both without an argument. Idempotent; prints what it did.
import { pathToFileURL } from 'node:url';
import { servicePrefix, services, setUpDatabaseRoles, type ServiceName } from '#common';
import { setUpBrokerUsers } from '#messaging';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/mission_hub';
const DEFAULT_RABBITMQ_URL = 'amqp://guest:guest@127.0.0.1:5672';
const serviceNames = Object.keys(services) as ServiceName[];

/** The login role of a service: it owns the service's schema and may reach nothing else. */
export function databaseRoleOf(service: ServiceName): string {
  return `mission_hub_${services[service].schema}`;
}

/** The broker user of a service: it may publish only the event types the service owns. */
export function brokerUserOf(service: ServiceName): string {
  return `mission-hub-${service}`;
}

/** `<SERVICE>_DATABASE_PASSWORD` or `<SERVICE>_BROKER_PASSWORD`; a public development value unless NODE_ENV=production. */
function passwordOf(service: ServiceName, of: 'DATABASE' | 'BROKER', env: NodeJS.ProcessEnv): string {
  const name = `${servicePrefix(service)}_${of}_PASSWORD`;
  const password = env[name];
  if (password) return password;
  if (env.NODE_ENV === 'production') throw new Error(`${name} is required when NODE_ENV=production`);
  return `mission-hub-${service}-${of.toLowerCase()}-development`;
}

/** The URL with another user and password: what the service itself connects with. */
function as(url: string, user: string, password: string): string {
  const own = new URL(url);
  own.username = encodeURIComponent(user);
  own.password = encodeURIComponent(password);
  return own.toString();
}

/**
 * Creates each service's role on its database server, as the admin URL's user (a superuser):
 * `<SERVICE>_DATABASE_ADMIN_URL`, else `DATABASE_ADMIN_URL`, else `DATABASE_URL`. Returns what each
 * service connects with (`<SERVICE>_DATABASE_URL`).
 */
export async function setUpDatabase(env: NodeJS.ProcessEnv, report: (line: string) => void): Promise<Record<string, string>> {
  const byServer = new Map<string, ServiceName[]>();
  for (const service of serviceNames) {
    const adminUrl = env[`${servicePrefix(service)}_DATABASE_ADMIN_URL`] ?? env.DATABASE_ADMIN_URL ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
    byServer.set(adminUrl, [...(byServer.get(adminUrl) ?? []), service]);
  }
  const own: Record<string, string> = {};
  for (const [adminUrl, those] of byServer) {
    const roles = those.map((service) => ({ role: databaseRoleOf(service), password: passwordOf(service, 'DATABASE', env), schema: services[service].schema }));
    await setUpDatabaseRoles(adminUrl, roles, report);
    those.forEach((service, i) => (own[`${servicePrefix(service)}_DATABASE_URL`] = as(adminUrl, roles[i]!.role, roles[i]!.password)));
  }
  return own;
}

/**
 * Creates each service's broker user in `RABBITMQ_URL`'s vhost, through `rabbitmqctl` on this
 * machine or, with `RABBITMQ_MANAGEMENT_URL` (`http://admin:password@host:15672`), the management
 * plugin's HTTP API. Returns what each service connects with (`<SERVICE>_RABBITMQ_URL`).
 */
export async function setUpBroker(env: NodeJS.ProcessEnv, report: (line: string) => void): Promise<Record<string, string>> {
  const rabbitmqUrl = env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL;
  const vhost = decodeURIComponent(new URL(rabbitmqUrl).pathname.slice(1)) || '/';
  const users = serviceNames.map((service) => ({ service, user: brokerUserOf(service), password: passwordOf(service, 'BROKER', env) }));
  await setUpBrokerUsers(users, { vhost, exchange: env.EVENTS_EXCHANGE ?? 'mission-hub.events', managementUrl: env.RABBITMQ_MANAGEMENT_URL }, report);
  return Object.fromEntries(users.map(({ service, user, password }) => [`${servicePrefix(service)}_RABBITMQ_URL`, as(rabbitmqUrl, user, password)]));
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? 'all';
  if (!['all', 'database', 'broker'].includes(what)) {
    console.error('usage: npm run setup [-- database | broker]');
    process.exit(2);
  }
  const report = (line: string) => console.log(`  ${line}`);
  const own: Record<string, string> = {};
  if (what !== 'broker') Object.assign(own, await setUpDatabase(process.env, report));
  if (what !== 'database') Object.assign(own, await setUpBroker(process.env, report));
  console.log('\nGive each service its own (passwords from <SERVICE>_DATABASE_PASSWORD / <SERVICE>_BROKER_PASSWORD):');
  for (const [name, url] of Object.entries(own)) {
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    console.log(`  ${name}=${shown.toString()}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
