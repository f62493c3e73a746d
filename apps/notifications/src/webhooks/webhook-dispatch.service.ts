import { beforeDatabaseCloses, SERVICE_CONFIG, Transactions, WakeableLoop, type ServiceConfig } from '#common';
import { OutboxService, type OutboxEntry } from '#messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { postWebhook, type AttemptResult } from './webhook-http.js';
import { webhookHeaders } from './webhook-signature.js';
import { nextAttemptAt, verdictOf } from './webhook.rules.js';
import { WebhooksRepository, type ClaimedDelivery, type DisabledEndpoint, type SettledDelivery } from './webhooks.repository.js';

/** Deliveries claimed and sent at once by one pass; passes under way at once in this instance (so at most 40 requests in flight). */
const BATCH_SIZE = 20;
const CONCURRENT_PASSES = 2;

/**
 * Sends the due webhook deliveries as the mail dispatcher sends e-mails: claimed with a lease in one
 * statement (`FOR UPDATE SKIP LOCKED`), POSTed with no transaction open, their outcomes recorded
 * afterwards with the events they cause. docs/DESIGN.md, Webhooks.
 */
@Injectable()
export class WebhookDispatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatchService.name);
  private readonly loop: WakeableLoop;
  private stopped?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly webhooks: WebhooksRepository,
    private readonly outbox: OutboxService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    this.loop = new WakeableLoop({
      pass: async () => (await this.dispatchBatch()) === BATCH_SIZE,
      concurrent: CONCURRENT_PASSES,
      pollIntervalMs: 1000,
      logger: this.logger,
      messages: { failed: 'webhook dispatcher could not work through its queue; retrying', recovered: 'webhook dispatcher recovered' },
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
    beforeDatabaseCloses(this.dataSource, () => this.stop());
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  private stop(): Promise<void> {
    this.stopped ??= this.loop.stop();
    return this.stopped;
  }

  private async dispatchBatch(): Promise<number> {
    const settings = this.config.webhooks;
    const due = await this.webhooks.claimDue(this.transactions.outside, BATCH_SIZE, settings.sendLeaseMs);
    if (due.length === 0) return 0;
    const settled = await Promise.all(due.map((delivery) => this.attempt(delivery)));
    await this.transactions.run(async (unit) => {
      const disabled = await this.webhooks.settle(unit, settled, settings.disableAfterMs);
      if (disabled.length > 0) await this.outbox.addMany(unit, disabled.map(announcementOf));
    });
    const retries = settled.flatMap((s) => (s.retryAt ? [s.retryAt.getTime() - Date.now()] : []));
    if (retries.length > 0) this.loop.wakeIn(Math.max(Math.min(...retries), 0));
    return due.length;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<SettledDelivery> {
    const none = { id: delivery.id, endpointId: delivery.endpoint_id, attempt: null, retryAt: null, succeeded: null, gone: false };
    if (delivery.body === null) return { ...none, status: 'dropped', error: 'participant erased before delivery' };
    if (delivery.endpoint_status !== 'enabled') return { ...none, status: 'failed', error: 'endpoint disabled' };
    const secrets = [delivery.secret, ...(delivery.previous_secret ? [delivery.previous_secret] : [])];
    const headers = webhookHeaders(secrets, delivery.id, Math.floor(Date.now() / 1000), delivery.body);
    const result: AttemptResult = await postWebhook(delivery.url, headers, delivery.body, this.config.webhooks, this.config.webhooks.timeoutMs);
    const number = delivery.attempts + 1;
    const verdict = verdictOf(result.statusCode);
    const error = result.error ?? (verdict === 'delivered' ? null : `the endpoint answered ${result.statusCode}`);
    const attempt = { number, manual: delivery.manual, statusCode: result.statusCode, durationMs: result.durationMs, error };
    if (verdict === 'delivered') return { ...none, status: 'delivered', attempt, error: null, succeeded: true };
    const failed = { ...none, attempt, succeeded: false, gone: verdict === 'gone' };
    // A redelivery by hand is one attempt; 410 stops at once.
    const retryAt = verdict === 'gone' || delivery.manual ? null : nextAttemptAt(number, delivery.first_attempt_at, new Date(), this.config.webhooks.retry);
    if (retryAt) {
      this.logger.warn({ msg: 'webhook not delivered; trying again', deliveryId: delivery.id, attempts: number, retryAt, reason: error });
      return { ...failed, status: 'pending', error, retryAt };
    }
    this.logger.warn({ msg: 'webhook not delivered; giving up', deliveryId: delivery.id, attempts: number, reason: error });
    return { ...failed, status: 'failed', error };
  }
}

function announcementOf(endpoint: DisabledEndpoint): OutboxEntry {
  return {
    type: 'webhook.endpoint_disabled',
    data: {
      endpointId: endpoint.id,
      missionId: endpoint.mission_id,
      url: endpoint.url,
      reason: endpoint.gone ? 'gone' : 'failing',
      detail: endpoint.disabled_reason,
      contactEmail: endpoint.contact_email,
      failingSince: endpoint.failing_since?.toISOString() ?? null,
      language: endpoint.language,
      disabledAt: endpoint.disabled_at.toISOString(),
    },
    context: { subject: endpoint.id, missionId: endpoint.mission_id },
  };
}
