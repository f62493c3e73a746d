import { Metrics, Transactions } from '#common';
import { Inject, Injectable } from '@nestjs/common';
import { MailQueueRepository } from './mail-queue.repository.js';

/** E-mails waiting to be sent and those given up on, read with one query when scraped. */
@Injectable()
export class MailQueueMetrics {
  constructor(
    @Inject(Metrics) metrics: Metrics,
    @Inject(Transactions) transactions: Transactions,
    @Inject(MailQueueRepository) mailQueue: MailQueueRepository,
  ) {
    metrics.gauge(
      'mission_hub_mail_deliveries',
      'E-mails in the delivery log by status: pending (to send, or to try again), failed (given up)',
      ['status'],
      async (set) => {
        const { pending, failed } = await mailQueue.size(transactions.outside);
        set(pending, { status: 'pending' });
        set(failed, { status: 'failed' });
      },
    );
  }
}
