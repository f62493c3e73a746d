// `npm run migrate [-- --service registration]`: the one-off step of a deploy, before the new
// version starts. Runs every service's migrations (or one's) in its own schema, each under the
// schema's migration lock, then declares the broker's topology; exits 0, or 1 saying what failed.
// docs/DESIGN.md, "Operations", says when to run it and why the services still migrate at start.
import { connectionOptions, ensureDatabaseAndSchema, loadServiceConfig, runMigrationsLocked, services, type ServiceConfig, type ServiceName } from '#common';
import { declareTopology } from '#messaging';
import { parseArgs } from 'node:util';
import { DataSource, type MixedList } from 'typeorm';
import { dashboardMigrations } from '../apps/dashboard/src/migrations/index.js';
import { mouRegistryMigrations } from '../apps/mou-registry/src/migrations/index.js';
import { notificationsMigrations } from '../apps/notifications/src/migrations/index.js';
import { registrationMigrations } from '../apps/registration/src/migrations/index.js';
import { schedulingMigrations } from '../apps/scheduling/src/migrations/index.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const migrationsOf: Record<ServiceName, MixedList<Function>> = {
  scheduling: schedulingMigrations,
  registration: registrationMigrations,
  'mou-registry': mouRegistryMigrations,
  notifications: notificationsMigrations,
  dashboard: dashboardMigrations,
};

/** One service's schema brought up to date, as the service itself does at start (`DatabaseModule`); the names of the migrations it ran. */
async function migrateService(config: ServiceConfig): Promise<string[]> {
  await ensureDatabaseAndSchema(config.databaseUrl, config.schema);
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.schema,
    entities: [],
    migrations: migrationsOf[config.service],
    migrationsTableName: 'migrations',
    synchronize: false,
    applicationName: `mission-hub:${config.schema}:migrate`,
    extra: { options: connectionOptions(config), max: 1 },
  });
  await dataSource.initialize();
  try {
    return await runMigrationsLocked(dataSource, config.schema);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { service: { type: 'string' }, 'skip-topology': { type: 'boolean', default: false } } });
  const known = Object.keys(services) as ServiceName[];
  if (values.service !== undefined && !known.includes(values.service as ServiceName)) {
    throw new Error(`unknown service ${values.service}: one of ${known.join(', ')}`);
  }
  const chosen = values.service ? [values.service as ServiceName] : known;
  let broker: Pick<ServiceConfig, 'rabbitmqUrl' | 'exchange'> | undefined;
  for (const service of chosen) {
    let applied: string[];
    try {
      const config = loadServiceConfig(service);
      broker ??= config;
      applied = await migrateService(config);
    } catch (error) {
      throw new Error(`${service}: migrations failed: ${reasonOf(error)}`, { cause: error });
    }
    console.log(`${service}: ${applied.length === 0 ? 'up to date' : `ran ${applied.join(', ')}`}`);
  }
  if (values['skip-topology'] || !broker) return;
  // RABBITMQ_URL's user declares every service's queues; a service's own user (`<SERVICE>_RABBITMQ_URL`) may not.
  const url = process.env.RABBITMQ_URL ?? broker.rabbitmqUrl;
  try {
    const declared = await declareTopology(url, broker.exchange);
    console.log(`topology declared on ${broker.exchange}: ${declared.length} queues`);
  } catch (error) {
    throw new Error(`the broker's topology was not declared: ${reasonOf(error)}`, { cause: error });
  }
}

function reasonOf(error: unknown): string {
  // A refused connection comes as an AggregateError of one per address, with no message of its own.
  if (error instanceof AggregateError && !error.message) return error.errors.map(reasonOf).join('; ');
  return error instanceof Error ? error.message || error.constructor.name : String(error);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`migrate: ${reasonOf(error)}`);
    process.exit(1);
  },
);
