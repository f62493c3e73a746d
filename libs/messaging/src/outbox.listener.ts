import { PgChannelListener } from '#common';
import type { LoggerService } from '@nestjs/common';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Wakes the relay for each notification on the schema's outbox channel, and once more whenever it
 * (re)connects, since notifications sent meanwhile are lost.
 */
export function outboxListener(dataSource: DataSource, channel: string, onWake: () => void, logger: LoggerService): PgChannelListener {
  return new PgChannelListener({
    connection: clientConfigOf(dataSource),
    channel,
    name: 'outbox listener',
    logger,
    onNotification: onWake,
    onListening: onWake,
  });
}

/** The same database the service's DataSource points at, as a pg client configuration. */
function clientConfigOf(dataSource: DataSource): pg.ClientConfig {
  const options = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string | (() => string | Promise<string>);
    database?: string;
    ssl?: pg.ClientConfig['ssl'];
    extra?: Record<string, unknown>;
    applicationName?: string;
  };
  const config: Record<string, unknown> = {
    ...options.extra,
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    ssl: options.ssl,
    application_name: `${options.applicationName ?? 'mission-hub'}:outbox-listener`,
  };
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as pg.ClientConfig;
}
