import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { ensureDatabaseAndSchema, runMigrationsLocked } from './database-bootstrap.js';
import { CreatePeriodicRuns1732000020000 } from './periodic-job.js';
import { PreparingClient } from './preparing-client.js';
import { ServiceDataSource } from './service-data-source.js';
import { Transactions } from './unit-of-work.js';
import type pg from 'pg';

export interface DatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** The service's own schema: created if missing, migrated under a lock, never synchronised. */
@Module({})
export class DatabaseModule {
  static forService(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      // Every feature module opens units of work (`Transactions`) on the one data source.
      global: true,
      providers: [Transactions],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [SERVICE_CONFIG],
          useFactory: (config: ServiceConfig) => ({
            type: 'postgres' as const,
            url: config.databaseUrl,
            schema: config.schema,
            entities: options.entities,
            // Every service has periodic jobs (IdempotencyKeyRetention at least), so every schema has their claims.
            migrations: [...(options.migrations as unknown[]), CreatePeriodicRuns1732000020000] as DatabaseOptions['migrations'],
            migrationsTableName: 'migrations',
            synchronize: false,
            // Names the schema, so an operator (or a test) can tell whose connections these are.
            applicationName: `mission-hub:${config.schema}`,
            extra: {
              options: connectionOptions(config),
              max: config.poolSize,
              connectionTimeoutMillis: config.databaseTimeouts.poolAcquireMs,
              // A connection whose peer vanished without a word (a cut network) is found out, not waited on for ever.
              keepAlive: true,
              Client: PreparingClient,
            },
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            const config = dataSourceOptions as { schema: string; url: string };
            await ensureDatabaseAndSchema(config.url, config.schema);
            const dataSource = await new ServiceDataSource(dataSourceOptions!).initialize();
            guardCheckedOutConnections(dataSource);
            await runMigrationsLocked(dataSource, config.schema);
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule, Transactions],
    };
  }
}

/**
 * What every connection of the service is opened with: its schema, and the server-side limits on a
 * statement, a lock wait and a transaction left idle, so that nothing holds a connection or a lock
 * without end (docs/reliability.md).
 */
export function connectionOptions(config: Pick<ServiceConfig, 'schema' | 'databaseTimeouts'>): string {
  const { statementMs, lockMs, idleInTransactionMs } = config.databaseTimeouts;
  return [
    `-c search_path=${config.schema}`,
    `-c statement_timeout=${statementMs}`,
    `-c lock_timeout=${lockMs}`,
    `-c idle_in_transaction_session_timeout=${idleInTransactionMs}`,
  ].join(' ');
}

/**
 * pg-pool listens for errors only on idle connections. A connection a transaction holds between
 * two statements (while a mail is sent, while the broker confirms) has no listener, so Postgres
 * ending it (a restart, an administrator) would be an unhandled 'error' event that kills the
 * process. With a listener the error only fails that transaction, which is retried as any other.
 */
function guardCheckedOutConnections(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: pg.Pool }).master;
  if (!pool) return;
  const logger = new Logger('Database');
  const guarded = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => {
    if (client instanceof PreparingClient) client.forgetPending();
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', (error) => logger.warn({ msg: 'a database connection in use was lost', reason: error.message }));
  });
}
