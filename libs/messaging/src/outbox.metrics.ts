import { Inject, Injectable, Optional } from '@nestjs/common';
import { Metrics, Transactions } from '#common';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';
import { OutboxRepository } from './outbox.repository.js';

type OutboxLag = Awaited<ReturnType<typeof OutboxRepository.lag>>;

/** The outbox's lag as two gauges, read with one query when scraped (both gauges share it). */
@Injectable()
export class OutboxMetrics {
  private reading?: Promise<OutboxLag>;

  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    @Optional() @Inject(Metrics) metrics?: Metrics,
    @Optional() @Inject(Transactions) private readonly transactions?: Transactions,
  ) {
    // A service without a producer has no outbox.
    if (!metrics || !options.producer) return;
    metrics.gauge('mission_hub_outbox_unpublished_events', 'Events recorded in the outbox and not yet confirmed by the broker', [], async (set) =>
      set((await this.lag()).unpublished),
    );
    metrics.gauge('mission_hub_outbox_oldest_unpublished_age_seconds', 'Age of the oldest event still to publish, 0 when none waits', [], async (set) =>
      set((await this.lag()).oldestSeconds),
    );
  }

  /** One query per scrape: the registry collects every gauge at once, so the second one finds the first's reading under way. */
  private lag(): Promise<OutboxLag> {
    if (!this.transactions) return Promise.resolve({ unpublished: 0, oldestSeconds: 0 });
    if (!this.reading) {
      this.reading = OutboxRepository.lag(this.transactions.outside);
      const forget = () => setImmediate(() => (this.reading = undefined));
      this.reading.then(forget, forget);
    }
    return this.reading;
  }
}
