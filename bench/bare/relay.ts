import type { ConfirmChannel } from 'amqplib';
import pg from 'pg';
import { BARE_EXCHANGE } from './protocol.js';

const BATCH = 500;

/**
 * The outbox relay, bare: woken by the producer after each commit (and a 1 s poll), as the services'
 * relay is, it claims a batch with FOR UPDATE SKIP LOCKED, publishes it with publisher confirms and
 * marks it sent after the confirms.
 */
export class BareRelay {
  private draining?: Promise<void>;
  private wokenWhileDraining = false;
  private poll?: NodeJS.Timeout;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: ConfirmChannel,
  ) {}

  start(): void {
    this.poll = setInterval(() => this.wake(), 1000);
    this.wake();
  }

  async stop(): Promise<void> {
    clearInterval(this.poll);
    await this.draining;
  }

  wake(): void {
    if (this.draining) {
      this.wokenWhileDraining = true;
      return;
    }
    this.draining = this.drain()
      .catch((err: unknown) => {
        console.error('bare relay:', err);
        setTimeout(() => this.wake(), 100);
      })
      .finally(() => {
        this.draining = undefined;
      });
  }

  private async drain(): Promise<void> {
    do {
      this.wokenWhileDraining = false;
      while ((await this.publishBatch()) === BATCH) {
        // a full batch: more are waiting
      }
    } while (this.wokenWhileDraining);
  }

  private async publishBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string; event_id: string; type: string; payload: string }>(
        `SELECT id, event_id, type, payload::text AS payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length > 0) {
        await Promise.all(
          rows.map(
            (row) =>
              new Promise<void>((resolve, reject) =>
                this.channel.publish(
                  BARE_EXCHANGE,
                  row.type,
                  Buffer.from(row.payload),
                  { persistent: true, contentType: 'application/cloudevents+json', messageId: row.event_id, type: row.type },
                  (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
                ),
              ),
          ),
        );
        await client.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
