import type { LoggerService } from '@nestjs/common';
import pg from 'pg';

const MAX_RECONNECT_DELAY_MS = 5000;

export interface PgChannelListenerOptions {
  connection: pg.ClientConfig;
  channel: string;
  /** Names the listener in its log lines. */
  name: string;
  logger: LoggerService;
  onNotification(payload: string | undefined): void;
  /** After every (re)connection: notifications sent while no one listened are gone. */
  onListening(reconnected: boolean): void;
}

/**
 * A dedicated connection that LISTENs on one Postgres channel. It is not taken from the pool: a
 * pooled connection would be handed back and lose its LISTEN. When the database goes away it
 * reconnects with back-off, and says so through `onListening` so the owner can catch up.
 */
export class PgChannelListener {
  private client?: pg.Client;
  private stopped = true;
  private failures = 0;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(private readonly options: PgChannelListenerOptions) {}

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
    const { connection, channel, name, logger } = this.options;
    const client = new pg.Client({ keepAlive: true, ...connection });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.client === client) this.client = undefined;
      if (this.stopped) return;
      const delayMs = Math.min(100 * 2 ** this.failures++, MAX_RECONNECT_DELAY_MS);
      if (this.failures === 1 || this.failures % 20 === 0)
        logger.warn({ msg: `${name} lost its database connection; reconnecting`, reason: error?.message, delayMs });
      this.reconnectTimer = setTimeout(() => void this.connect(), delayMs);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => this.options.onNotification(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      if (this.stopped || lost) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      const reconnected = this.failures > 0;
      if (reconnected) logger.log({ msg: `${name} reconnected` });
      this.failures = 0;
      this.options.onListening(reconnected);
    } catch (error) {
      onLost(error as Error);
    }
  }
}
