import { sweepExpiredRows } from '#common';
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
    const swept = await sweepExpiredRows(this.dataSource, 'retention', async (deleteExpired) => ({
      outbox: this.options.producer
        ? await deleteExpired({ table: 'outbox', key: 'id', where: 'published_at < now() - make_interval(days => $1)' }, [this.outboxDays])
        : 0,
      inbox: await deleteExpired({ table: 'inbox', key: 'ctid', where: 'received_at < now() - make_interval(days => $1)' }, [this.inboxDays]),
    }));
    if (!swept) return { outbox: 0, inbox: 0 };
    if (swept.outbox + swept.inbox > 0) this.logger.log({ msg: 'retention sweep', outboxRowsDeleted: swept.outbox, inboxRowsDeleted: swept.inbox });
    return swept;
  }
}
