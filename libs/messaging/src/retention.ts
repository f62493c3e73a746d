import { PeriodicJob, SERVICE_CONFIG, sweepExpiredRows, Transactions, type ServiceConfig } from '#common';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
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
  /** How often to look (default `PERIODIC_JOBS`' `retention`, or hourly). */
  intervalMs?: number;
}

/**
 * Keeps the outbox and the inbox from growing without end: published events and old inbox rows
 * are deleted in small batches, once per period by one instance of the service (`PeriodicJob`).
 */
@Injectable()
export class MessageRetention {
  private readonly logger = new Logger(MessageRetention.name);
  private readonly outboxDays: number;
  private readonly inboxDays: number;
  private readonly job: PeriodicJob;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Optional() @Inject(SERVICE_CONFIG) config?: ServiceConfig,
  ) {
    const transactions = new Transactions(dataSource);
    this.outboxDays = options.retention?.outboxDays ?? 7;
    this.inboxDays = options.retention?.inboxDays ?? 14;
    this.job = new PeriodicJob({
      name: 'retention',
      intervalMs: options.retention?.intervalMs ?? config?.periodicJobs.retention ?? 3_600_000,
      run: () => this.sweep(),
      // Made here, not injected: the messaging lib needs only a data source (MessagingModule's contract).
      database: () => transactions.outside,
      logger: this.logger,
    });
  }

  start(): void {
    this.job.start();
  }

  async stop(): Promise<void> {
    await this.job.stop();
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
