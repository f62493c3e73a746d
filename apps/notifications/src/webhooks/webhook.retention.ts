import { PeriodicWork, SERVICE_CONFIG, sweepExpiredRows, Transactions, type ServiceConfig } from '#common';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WebhooksRepository } from './webhooks.repository.js';

const HOURLY = 3_600_000;

/**
 * Keeps the webhook logs from growing without end, and the events' bodies (personal data) from
 * being kept longer than an organiser can use them: `WEBHOOKS_RETENTION_DAYS` after a delivery
 * settled it goes with its attempts, and then its event. One instance sweeps, hourly (`PeriodicJob`).
 */
@Injectable()
export class WebhookRetention extends PeriodicWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    transactions: Transactions,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    super({ name: 'webhook-retention', intervalMs: config.periodicJobs['webhook-retention'] ?? HOURLY, database: () => transactions.outside });
  }

  /** Deletes what is past its time; answers how many deliveries and events went (none when another instance is sweeping). */
  async run(): Promise<{ deliveries: number; events: number }> {
    const days = [this.config.webhooks.retentionDays];
    const swept = await sweepExpiredRows(this.dataSource, 'webhook-retention', async (deleteExpired) => {
      // Deliveries first: an event goes once none is left of it.
      const deliveries = await deleteExpired(WebhooksRepository.expired.deliveries, days);
      return { deliveries, events: await deleteExpired(WebhooksRepository.expired.events, days) };
    });
    if (!swept) return { deliveries: 0, events: 0 };
    if (swept.deliveries + swept.events > 0)
      this.logger.log({ msg: 'webhook retention sweep', deliveriesDeleted: swept.deliveries, eventsDeleted: swept.events });
    return swept;
  }
}
