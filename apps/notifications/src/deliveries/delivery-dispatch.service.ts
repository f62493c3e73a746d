import { beforeDatabaseCloses, Transactions, WakeableLoop } from '#common';
import { OutboxService, type OutboxEntry } from '#messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailerService, type OutgoingMail } from '../mail/mailer.service.js';
import { carriesSignInLink, withSignInLink } from '../mail/sign-in-link.js';
import { SignInLinksService } from '../mail/sign-in-links.service.js';
import { DeliveriesRepository, type DueDeliveryRow, type SettledDelivery } from './deliveries.repository.js';
import { afterFailedAttempt, BROADCAST_CAUSE, describeMailError } from './delivery.rules.js';

/** How the dispatcher works through the queue; tests shorten the retry delays. */
export interface DispatchOptions {
  /** Waits before the 2nd, 3rd… attempt at one e-mail (`DEFAULT_MAIL_RETRY_DELAYS_MS`). */
  retryDelaysMs: readonly number[];
  /** E-mails claimed and sent in one transaction. */
  batchSize: number;
  /** Batches under way at once in this instance. */
  concurrent: number;
  /** How often it looks for due e-mails without being woken: e-mails and retries another instance queued and left. */
  pollIntervalMs: number;
  /** How long a claimed e-mail is left to its dispatcher before it is due again (MAIL_SEND_LEASE_MS): longer than any send takes. */
  leaseMs: number;
}

export const DISPATCH_OPTIONS = Symbol('DISPATCH_OPTIONS');

/**
 * Sends the e-mails the delivery log holds as pending and due, each once, holding no connection while
 * it sends, and records what became of them: docs/DESIGN.md, Services, Inside notifications, says how and why.
 */
@Injectable()
export class DeliveryDispatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatchService.name);
  private readonly loop: WakeableLoop;
  private stopped?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly deliveries: DeliveriesRepository,
    private readonly outbox: OutboxService,
    private readonly mailer: MailerService,
    private readonly links: SignInLinksService,
    @Inject(DISPATCH_OPTIONS) private readonly options: DispatchOptions,
  ) {
    this.loop = new WakeableLoop({
      pass: async () => (await this.dispatchBatch()) === options.batchSize,
      concurrent: options.concurrent,
      pollIntervalMs: options.pollIntervalMs,
      logger: this.logger,
      messages: { failed: 'delivery dispatcher could not work through the queue; retrying', recovered: 'delivery dispatcher recovered' },
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
    // Nest closes the database before this module's shutdown hook: the last batches are recorded first.
    beforeDatabaseCloses(this.dataSource, () => this.stop());
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** E-mails were queued and committed: a batch now (or one more after those under way). */
  wake(): void {
    this.loop.wake();
  }

  /** Lets the batches under way finish (their e-mails are sent and recorded), then closes the SMTP connections; once. */
  private stop(): Promise<void> {
    this.stopped ??= (async () => {
      await this.loop.stop();
      this.mailer.close();
    })();
    return this.stopped;
  }

  /** Claims what is due, sends it holding no database connection, records the outcomes and their events; answers how many it claimed. */
  private async dispatchBatch(): Promise<number> {
    const claimedAt = Date.now();
    const due = await this.deliveries.claimDue(this.transactions.outside, this.options.batchSize, this.options.leaseMs);
    if (due.length === 0) return 0;
    const messages = await this.withSignInLinks(due);
    const settled = await Promise.all(due.map((delivery, i) => this.attempt(delivery, messages[i]!)));
    const retries: number[] = [];
    const events: (OutboxEntry & { key: string })[] = [];
    settled.forEach((outcome, i) => {
      if (outcome.status === 'pending') retries.push(outcome.retryInMs);
      const event = announcementOf(due[i]!, outcome);
      if (event) events.push({ ...event, key: due[i]!.id });
    });
    await this.record(settled, new Map(due.map((delivery) => [delivery.id, delivery.attempts])), events, claimedAt);
    // This instance's retries are due at their time; another instance's are found by the poll.
    if (retries.length > 0) this.loop.wakeIn(Math.min(...retries));
    return due.length;
  }

  /**
   * Records the outcomes and their events. The e-mails have gone: a database that fails now is tried
   * again, backing off, while the claim's lease lasts, so that a short outage does not send them a
   * second time when the lease ends. Past that (or stopping) the error goes up and they are sent
   * again after the lease, with the same Message-ID. Recording twice records once (`settle`).
   */
  private async record(
    settled: readonly SettledDelivery[],
    attemptsBefore: ReadonlyMap<string, number>,
    events: readonly (OutboxEntry & { key: string })[],
    claimedAt: number,
  ): Promise<void> {
    const until = claimedAt + this.options.leaseMs * 0.8;
    for (let waitMs = 100; ; waitMs = Math.min(waitMs * 2, 2000)) {
      try {
        await this.transactions.run((unit) =>
          this.outbox.addAllIfChanged(unit, this.deliveries.settle(settled, attemptsBefore), events, { deferred: 'the settled deliveries' }),
        );
        return;
      } catch (error) {
        if (this.stopped || Date.now() + waitMs > until) throw error;
        this.logger.warn({ msg: 'e-mails sent but not recorded; trying again', deliveries: settled.length, retryInMs: waitMs, reason: String(error) });
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  /**
   * The messages as they are sent: a sign-in link is minted now, of the registration's link
   * generation as the directory knew it at the claim, so a mail never carries a link that was replaced
   * while it waited. Only here, in memory: the delivery log keeps the message without it.
   */
  private withSignInLinks(due: readonly DueDeliveryRow[]): Promise<OutgoingMail[]> {
    return Promise.all(
      due.map(async (delivery) => {
        if (delivery.erased || !carriesSignInLink(delivery.message)) return delivery.message;
        const registrationId = delivery.recipient_registration_id;
        const holder =
          registrationId && delivery.holder_mission_id !== null && delivery.link_generation !== null
            ? { registrationId, missionId: delivery.holder_mission_id, linkGeneration: delivery.link_generation }
            : undefined;
        const url = await this.links.url(holder, delivery.mission_id, new Date(delivery.message.date));
        return withSignInLink(delivery.message, url);
      }),
    );
  }

  private async attempt(delivery: DueDeliveryRow, message: OutgoingMail): Promise<SettledDelivery> {
    if (delivery.erased) return { id: delivery.id, status: 'erased' };
    const attempts = delivery.attempts + 1;
    try {
      const receipt = await this.mailer.send(message);
      return { id: delivery.id, status: 'sent', smtpResponse: receipt.response };
    } catch (failure) {
      const error = describeMailError(failure);
      const next = afterFailedAttempt(attempts, failure, this.options.retryDelaysMs);
      if (next.next === 'retry') {
        this.logger.warn({ msg: 'e-mail not sent; trying again', deliveryId: delivery.id, attempts, retryInMs: next.delayMs, reason: error });
        return { id: delivery.id, status: 'pending', error, retryInMs: next.delayMs };
      }
      this.logger.error({ msg: 'e-mail not sent; giving up', deliveryId: delivery.id, attempts, why: next.why, reason: error });
      return { id: delivery.id, status: 'failed', error, bounced: next.why === 'permanent' };
    }
  }
}

/** `notification.sent` or `.failed` for an attempt that settled the e-mail; nothing while it is still being tried or was erased. */
function announcementOf(delivery: DueDeliveryRow, outcome: SettledDelivery): OutboxEntry | null {
  if (outcome.status !== 'sent' && outcome.status !== 'failed') return null;
  const data = {
    notificationId: delivery.id,
    missionId: delivery.mission_id,
    channel: 'email' as const,
    template: delivery.template,
    language: delivery.language,
    causeEventId: delivery.cause_event_id,
    causeEventType: delivery.cause_event_type,
    recipientRegistrationId: delivery.recipient_registration_id,
    at: new Date().toISOString(),
    // A broadcast's mails have the broadcast as their cause; its figures are counted by it.
    ...(delivery.cause_event_type === BROADCAST_CAUSE ? { broadcastId: delivery.cause_event_id } : {}),
  };
  const context = {
    subject: delivery.id,
    missionId: delivery.mission_id,
    causedBy: { id: delivery.cause_event_id, correlationid: delivery.correlation_id ?? delivery.cause_event_id },
  };
  return outcome.status === 'sent'
    ? { type: 'notification.sent', data, context }
    : {
        type: 'notification.failed',
        data: { ...data, error: outcome.error, attempts: delivery.attempts + 1, ...(outcome.bounced ? { bounced: true } : {}) },
        context,
      };
}
