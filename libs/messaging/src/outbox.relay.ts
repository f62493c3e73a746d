import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { beforeDatabaseCloses, contextOf, SpanKind, Tracing, Transactions, UnitOfWork, WakeableLoop } from '#common';
import { CLOUDEVENTS_CONTENT_TYPE } from '#contracts';
import { BrokerConnection } from './broker-connection.js';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';
import { OutboxRepository, type OutboxRow } from './outbox.repository.js';

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_POLL_INTERVAL_MS = 1000;

/** Defers statements that go with the mark of `published` (`OutboxRelay.alsoWhenPublished`). */
export type PublishedHook = (unit: UnitOfWork, published: readonly OutboxRow[]) => void;

/**
 * Publishes what the outbox holds, woken at the commit of a transaction that wrote rows and by a slow
 * poll; instances share the rows (SKIP LOCKED). docs/DESIGN.md, "Delivery guarantees and round trips".
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  private readonly loop: WakeableLoop;
  private readonly transactions: Transactions;
  private readonly whenPublished: PublishedHook[] = [];
  private running = false;
  private stopRegistered = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BrokerConnection) private readonly broker: BrokerConnection,
    @Optional() @Inject(Tracing) private readonly tracing?: Tracing,
  ) {
    this.batchSize = options.relay?.batchSize ?? DEFAULT_BATCH_SIZE;
    this.transactions = new Transactions(dataSource);
    // One pass at a time per instance: a full batch, or a wake-up during it, makes the next.
    this.loop = new WakeableLoop({
      pass: async () => (await this.publishBatch()) === this.batchSize,
      concurrent: 1,
      pollIntervalMs: options.relay?.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      logger: this.logger,
      messages: { failed: 'outbox relay could not publish; retrying', recovered: 'outbox relay recovered' },
    });
    if (options.producer) broker.reportOutboxWith(() => this.oldestUnpublishedSeconds());
  }

  /**
   * Seconds since the oldest row still to publish was written, 0 when none waits: what an operator
   * alerts on (the broker away, or a channel that keeps failing), since readiness ignores the broker.
   */
  async oldestUnpublishedSeconds(): Promise<number> {
    return OutboxRepository.oldestUnpublishedSeconds(UnitOfWork.of(this.dataSource.manager));
  }

  /** Starts relaying; a service without a producer has no outbox and nothing to relay. */
  start(): void {
    if (!this.options.producer || this.running) return;
    this.running = true;
    // The last drain needs the database, which Nest closes before MessagingModule's shutdown hook.
    if (!this.stopRegistered) beforeDatabaseCloses(this.dataSource, () => this.stop());
    this.stopRegistered = true;
    this.loop.start();
  }

  /**
   * `hook` defers statements into the transaction that marks events published, committed with the
   * mark: what must follow an event of this service exactly when it is out (notifications queues its
   * own events for webhooks so, instead of consuming them back). The rows' payloads are the events' JSON.
   */
  alsoWhenPublished(hook: PublishedHook): void {
    this.whenPublished.push(hook);
  }

  /** Rows were committed to the outbox: a pass now (or one more after the pass under way). */
  wake(): void {
    this.loop.wake();
  }

  /** Waits for the pass under way, then drains once more so that nothing committed is left behind. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.loop.stop();
    if (!this.dataSource.isInitialized) return;
    try {
      await this.flush();
    } catch (err) {
      this.logger.warn({ msg: 'outbox not flushed at shutdown; the rows stay for the next start', reason: messageOf(err) });
    }
  }

  /** Publishes batch after batch, without pausing, until a batch comes back short. */
  private async flush(): Promise<void> {
    while ((await this.publishBatch()) === this.batchSize) {
      // a full batch means more rows are probably waiting
    }
  }

  /**
   * One transaction: claim up to a batch (with its BEGIN), publish it, await every confirm, and mark
   * what was confirmed (with its COMMIT, beside what `alsoWhenPublished` adds): two round trips.
   */
  private async publishBatch(): Promise<number> {
    let failure: unknown;
    const claimed = await this.transactions.run(async (unit) => {
      const rows = await OutboxRepository.claim(unit, this.batchSize);
      if (rows.length === 0) return 0;
      const results = await Promise.allSettled(
        rows.map((row) =>
          this.traced(row, () =>
            this.broker.publish(row.type, Buffer.from(row.payload), {
              contentType: CLOUDEVENTS_CONTENT_TYPE,
              persistent: true,
              messageId: row.event_id,
              type: row.type,
              ...(row.correlation_id ? { correlationId: row.correlation_id } : {}),
            }),
          ),
        ),
      );
      const published = rows.filter((_, i) => results[i]!.status === 'fulfilled');
      if (published.length > 0) {
        OutboxRepository.deferMarkPublished(
          unit,
          published.map((row) => row.id),
        );
        for (const hook of this.whenPublished) hook(unit, published);
      }
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) failure = new Error(`${rows.length - published.length} of ${rows.length} events not confirmed by the broker: ${messageOf(failed.reason)}`);
      return rows.length;
    });
    if (failure) throw failure;
    return claimed;
  }

  /** A publish span in the trace the event was recorded in, to the broker's confirm; the payload is read only when tracing. */
  private traced(row: OutboxRow, publish: () => Promise<void>): Promise<void> {
    if (!this.tracing?.enabled) return publish();
    const event = JSON.parse(row.payload) as { traceparent?: string; tracestate?: string };
    return this.tracing.inSpan(
      `${row.type} publish`,
      { kind: SpanKind.PRODUCER, parent: contextOf(event), attributes: { 'messaging.system': 'rabbitmq', 'messaging.message.id': row.event_id } },
      publish,
    );
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
