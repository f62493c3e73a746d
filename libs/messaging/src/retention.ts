import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';

export interface RetentionOptions {
  /** Published outbox rows are kept this long, for inspection (default 7 days). */
  outboxDays?: number;
  /**
   * Inbox rows are kept this long (default 14 days). An event redelivered after its row is gone
   * would be handled again; brokers redeliver within minutes, and a replayed dead letter never
   * had a row, so two weeks is far beyond any redelivery.
   */
  inboxDays?: number;
  /** How often to look (default hourly). */
  intervalMs?: number;
}

const BATCH = 5000;

/**
 * Keeps the outbox and the inbox from growing without end: published events and old inbox rows
 * are deleted in small batches, by one instance of the service at a time.
 */
@Injectable()
export class MessageRetention {
  private readonly logger = new Logger(MessageRetention.name);
  private timer?: NodeJS.Timeout;
  private readonly outboxDays: number;
  private readonly inboxDays: number;
  private readonly intervalMs: number;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    this.outboxDays = options.retention?.outboxDays ?? 7;
    this.inboxDays = options.retention?.inboxDays ?? 14;
    this.intervalMs = options.retention?.intervalMs ?? 3_600_000;
  }

  start(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((error: Error) => this.logger.warn({ msg: 'retention sweep failed', reason: error.message })),
      this.intervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Deletes what is past its time; answers how many rows went. */
  async sweep(): Promise<{ outbox: number; inbox: number }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [`mission-hub:retention:${this.options.schema}`]);
      if (!locked) return { outbox: 0, inbox: 0 };
      try {
        const outbox = this.options.producer
          ? await this.deleteInBatches(
              runner.query.bind(runner),
              `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < now() - make_interval(days => $1) LIMIT ${BATCH})`,
              this.outboxDays,
            )
          : 0;
        const inbox = await this.deleteInBatches(
          runner.query.bind(runner),
          `DELETE FROM inbox WHERE ctid IN (SELECT ctid FROM inbox WHERE received_at < now() - make_interval(days => $1) LIMIT ${BATCH})`,
          this.inboxDays,
        );
        if (outbox + inbox > 0) this.logger.log({ msg: 'retention sweep', outboxRowsDeleted: outbox, inboxRowsDeleted: inbox });
        return { outbox, inbox };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`mission-hub:retention:${this.options.schema}`]);
      }
    } finally {
      await runner.release();
    }
  }

  private async deleteInBatches(query: (sql: string, parameters: unknown[]) => Promise<unknown>, sql: string, days: number): Promise<number> {
    let total = 0;
    for (;;) {
      // pg answers a DELETE through TypeORM as [rows, affected].
      const result = (await query(sql, [days])) as [unknown[], number];
      const deleted = result[1] ?? 0;
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
