import type { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';

const MAX_RECONNECT_DELAY_MS = 10_000;

/**
 * A dedicated connection that LISTENs on one channel and calls `onWake` for each notification.
 * It is not taken from the pool: a pooled connection would be handed back and lose its LISTEN.
 * When the database goes away it reconnects with back-off and wakes once more on reconnecting,
 * since notifications sent meanwhile are lost.
 */
export class OutboxListener {
  private client?: pg.Client;
  private stopped = false;
  private failures = 0;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    private readonly onWake: () => void,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client(clientConfigOf(this.dataSource));
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.client === client) this.client = undefined;
      if (this.stopped) return;
      const delay = Math.min(100 * 2 ** this.failures++, MAX_RECONNECT_DELAY_MS);
      if (this.failures === 1 || this.failures % 20 === 0) {
        this.logger.warn({ msg: 'outbox listener lost its database connection; reconnecting', reason: err?.message, delayMs: delay });
      }
      this.reconnectTimer = setTimeout(() => void this.connect(), delay);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', () => this.onWake());
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
      if (this.stopped || lost) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      if (this.failures > 0) this.logger.log({ msg: 'outbox listener reconnected' });
      this.failures = 0;
      this.onWake();
    } catch (err) {
      onLost(err as Error);
    }
  }
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
