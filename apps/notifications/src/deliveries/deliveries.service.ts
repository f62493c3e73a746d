import { assertOrganiserOf, decodeCursor, encodeCursor, Problem, SERVICE_CONFIG, type Caller, type Page, type ServiceConfig } from '#common';
import type { CloudEvent, EventData } from '#contracts';
import { handledInBatch, OutboxService, type InboxOutcome } from '#messaging';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { Mailer, type ComposedMail, type MailReceipt, type OutgoingMail } from '../mail/mailer.js';
import { deriveMessageId, normaliseRecipient } from '../mail/message-id.js';
import { deliveriesRepository as repository, type DeliveryRow, type NewDelivery } from './deliveries.repository.js';
import { afterFailedAttempt, describeMailError } from './delivery.rules.js';
import type { DeliveryListQuery, DeliveryStatus } from './delivery.schema.js';

/** Waits between attempts at one e-mail (`DEFAULT_MAIL_RETRY_DELAYS_MS` unless a test sets shorter ones). */
export const MAIL_RETRY_DELAYS = Symbol('MAIL_RETRY_DELAYS');

/** An e-mail an event calls for, as a capability (registration mail, broadcasts…) hands it over. */
export interface DueMail {
  template: string;
  language: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  missionId: string | null;
  recipientRegistrationId: string | null;
}

/** Runs work at most once per event, in a transaction with the inbox row: `InboxService.handle` bound to the event and a handler name. */
export type Once = (work: (manager: EntityManager) => Promise<void>) => Promise<InboxOutcome>;

export interface DeliveryView {
  id: string;
  causeEventId: string;
  causeEventType: string;
  channel: 'email';
  recipient: string;
  recipientRegistrationId: string | null;
  template: string;
  language: string;
  messageId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

type Attempt = { receipt: MailReceipt } | { failure: unknown };
type Composed = { mail: ComposedMail } | { failure: unknown };

/**
 * The delivery log, and the only place an e-mail is sent from.
 *
 * Why one event never mails one person twice, although SMTP cannot take part in a transaction:
 * 1. The first attempt happens inside the cause event's inbox transaction: send, then insert the
 *    delivery row (unique per event id and recipient) with the outcome, and `notification.sent` (or
 *    `.failed`) in the outbox; commit; the transport acks. A redelivered event finds its inbox row
 *    and sends nothing; a copy delivered concurrently waits on that row's key until the first
 *    transaction ends, then finds it.
 * 2. A crash after the SMTP server took the message and before the commit rolls all of it back, so
 *    the unacked event comes again and the message is sent again. That is the one duplicate left,
 *    and it is the same message: rendered from the same event, with the Message-ID derived from
 *    event id and recipient and `X-Mission-Hub-Event` naming the event, which mail clients fold.
 * 3. A failed first attempt commits its row as `pending` (attempts = 1) and the handler keeps
 *    trying with back-off, each attempt in its own transaction that locks the row (`FOR UPDATE`,
 *    still pending) around the send and marks it sent or failed before committing. The lock makes
 *    concurrent tries take turns, and a row once committed as sent is never sent again. If the
 *    process dies while retrying, the event was never acked: its redelivery finds the inbox row
 *    ("duplicate") and goes on with the rows still pending, from the attempt count they record.
 */
@Injectable()
export class DeliveriesService implements OnModuleDestroy {
  private readonly logger = new Logger(DeliveriesService.name);
  private readonly stopping = new AbortController();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly mailer: Mailer,
    @Inject(MAIL_RETRY_DELAYS) private readonly retryDelaysMs: readonly number[],
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Sends `mail` for `cause`, once; resolves when it is sent or has finally failed. */
  async deliver(cause: CloudEvent, mail: DueMail, once: Once): Promise<void> {
    if (handledInBatch()) {
      throw new Error(`the handler of ${cause.type} mails inside a message batch; give its @EventPattern { batched: false }`);
    }
    const retry: { id?: string; waitMs: number } = { waitMs: 0 };
    const delivery = this.newDelivery(cause, mail);
    // Rendered before the SMTP connection and the transaction are taken: that CPU work holds neither.
    const composed = await this.compose(delivery.message);
    // An SMTP connection first, then the transaction: waiting for the SMTP server never holds a database connection.
    const outcome = await this.mailer.whenConnectionFree(() =>
      once(async (manager) => {
        const pending = await this.firstAttempt(manager, cause, delivery, composed);
        if (pending) Object.assign(retry, pending);
      }),
    );
    if (outcome === 'handled') {
      if (retry.id) await this.keepTrying(retry.id, cause, retry.waitMs);
      return;
    }
    // Handled before: by a delivery that may have died while it was still trying. Only this recipient's
    // row: an event that mails many people hands each of them to its own call.
    const pending = await repository.pendingIdsOf(this.dataSource.manager, cause.id, normaliseRecipient(mail.to.address));
    for (const id of pending) await this.keepTrying(id, cause, 0);
  }

  /**
   * Sends each of `mails` for `cause`, each once and on its own (`onceFor` gives each recipient its own
   * inbox key), so that one recipient's failure neither holds back nor repeats another's mail.
   * Rejects, after every mail has had its go, when any could not be recorded: the event comes again
   * and only those are tried again.
   */
  async deliverEach(cause: CloudEvent, mails: readonly DueMail[], onceFor: (mail: DueMail) => Once): Promise<void> {
    const outcomes = await Promise.allSettled(mails.map((mail) => this.deliver(cause, mail, onceFor(mail))));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }

  async list(caller: Caller, missionId: string, query: DeliveryListQuery): Promise<Page<DeliveryView>> {
    assertOrganiserOf(caller, missionId);
    const afterSeq = seqOfCursor(query.cursor);
    const rows = await repository.pageOfMission(this.dataSource.manager, missionId, { status: query.status, afterSeq, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items: items.map(toView), nextCursor: rows.length > query.limit && last ? encodeCursor([last.seq]) : null };
  }

  /** At shutdown, e-mails waiting for their next try stop waiting; their event is not acked and comes again. */
  onModuleDestroy(): void {
    this.stopping.abort();
  }

  /** The delivery `mail` makes for `cause`, with the message exactly as it is sent (and re-sent). */
  private newDelivery(cause: CloudEvent, mail: DueMail): NewDelivery {
    const recipient = normaliseRecipient(mail.to.address);
    return {
      id: randomUUID(),
      causeEventId: cause.id,
      causeEventType: cause.type,
      missionId: mail.missionId,
      recipient,
      recipientRegistrationId: mail.recipientRegistrationId,
      template: mail.template,
      language: mail.language,
      message: {
        messageId: deriveMessageId(cause.id, recipient),
        causeEventId: cause.id,
        from: this.config.mailFrom,
        // To the address as the delivery log knows it: one person, however the form spelled it.
        to: { name: mail.to.name, address: recipient },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        date: cause.time,
      },
    };
  }

  private async compose(message: OutgoingMail): Promise<Composed> {
    try {
      return { mail: await this.mailer.compose(message) };
    } catch (failure) {
      return { failure };
    }
  }

  /** Step 1, in the inbox transaction; answers the row to keep trying when the attempt failed for now. */
  private async firstAttempt(
    manager: EntityManager,
    cause: CloudEvent,
    delivery: NewDelivery,
    composed: Composed,
  ): Promise<{ id: string; waitMs: number } | null> {
    // Events run concurrently: `participant.erased` may be handled before the mail its own
    // cancellation caused. An erased participant is neither mailed nor written down.
    if (delivery.recipientRegistrationId && (await repository.lockAndCheckErased(manager, delivery.recipientRegistrationId))) return null;
    const attempt = await this.send(composed);
    if ('receipt' in attempt) {
      // The row and its notification.sent in one statement; neither when the row was there already.
      const insert = repository.insertAttemptedStatement(delivery, { status: 'sent', smtpResponse: attempt.receipt.response, error: null });
      await this.announce(manager, 'notification.sent', snapshotOf(delivery), cause, undefined, insert);
      return null;
    }
    const reason = describeMailError(attempt.failure);
    const next = afterFailedAttempt(1, attempt.failure, this.retryDelaysMs);
    if (next.next === 'retry') {
      const recorded = await repository.insertAttempted(manager, delivery, { status: 'pending', smtpResponse: null, error: reason });
      if (!recorded) return null;
      this.logger.warn({ msg: 'e-mail not sent; trying again', deliveryId: delivery.id, attempts: 1, retryInMs: next.delayMs, reason });
      return { id: delivery.id, waitMs: next.delayMs };
    }
    const insert = repository.insertAttemptedStatement(delivery, { status: 'failed', smtpResponse: null, error: reason });
    const recorded = await this.announce(manager, 'notification.failed', snapshotOf(delivery), cause, { error: reason, attempts: 1 }, insert);
    if (recorded) this.logger.error({ msg: 'e-mail not sent; giving up', deliveryId: delivery.id, attempts: 1, why: next.why, reason });
    return null;
  }

  /** Step 3: waits, tries again under the row's lock, until the row is sent or failed. */
  private async keepTrying(id: string, cause: CloudEvent, waitMs: number): Promise<void> {
    for (let wait = waitMs; ;) {
      if (wait > 0) {
        try {
          await sleep(wait, undefined, { signal: this.stopping.signal });
        } catch {
          throw new Error(`shutting down with e-mail ${id} still pending; its event will be delivered again`);
        }
      }
      const next = await this.mailer.whenConnectionFree(() => this.retry(id, cause));
      if (next === null) return;
      wait = next;
    }
  }

  /** One more attempt; answers how long to wait before the next one, or null when the row is settled. */
  private retry(id: string, cause: CloudEvent): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const row = await repository.lockPending(manager, id);
      if (!row) return null;
      const attempts = row.attempts + 1;
      const attempt = await this.send(await this.compose(row.message));
      if ('receipt' in attempt) {
        await repository.markSent(manager, id, attempts, attempt.receipt.response);
        await this.announce(manager, 'notification.sent', snapshotOfRow(row), cause);
        return null;
      }
      const reason = describeMailError(attempt.failure);
      const next = afterFailedAttempt(attempts, attempt.failure, this.retryDelaysMs);
      if (next.next === 'retry') {
        this.logger.warn({ msg: 'e-mail not sent; trying again', deliveryId: id, attempts, retryInMs: next.delayMs, reason });
        await repository.recordFailedAttempt(manager, id, attempts, reason, false);
        return next.delayMs;
      }
      this.logger.error({ msg: 'e-mail not sent; giving up', deliveryId: id, attempts, why: next.why, reason });
      await repository.recordFailedAttempt(manager, id, attempts, reason, true);
      await this.announce(manager, 'notification.failed', snapshotOfRow(row), cause, { error: reason, attempts });
      return null;
    });
  }

  private async send(composed: Composed): Promise<Attempt> {
    if ('failure' in composed) return composed;
    try {
      return { receipt: await this.mailer.send(composed.mail) };
    } catch (failure) {
      return { failure };
    }
  }

  private async announce(
    manager: EntityManager,
    type: 'notification.sent' | 'notification.failed',
    delivery: DeliverySnapshot,
    cause: CloudEvent,
    failure?: { error: string; attempts: number },
    /** A write (returning a row only if it wrote one) to send in the same statement: the event is recorded only with it. */
    change?: { sql: string; parameters: unknown[] },
  ): Promise<boolean> {
    const data: EventData<'notification.sent'> = {
      notificationId: delivery.id,
      missionId: delivery.missionId,
      channel: 'email',
      template: delivery.template,
      language: delivery.language,
      causeEventId: delivery.causeEventId,
      causeEventType: delivery.causeEventType,
      recipientRegistrationId: delivery.recipientRegistrationId,
      at: new Date().toISOString(),
    };
    const context = { subject: delivery.id, missionId: delivery.missionId, causedBy: cause };
    const record = <T extends 'notification.sent' | 'notification.failed'>(t: T, d: EventData<T>) =>
      change ? this.outbox.addIfChanged(manager, change, t, d, context) : this.outbox.add(manager, t, d, context);
    const event = type === 'notification.failed' ? await record(type, { ...data, ...failure! }) : await record(type, data);
    return event !== null;
  }
}

type DeliverySnapshot = Pick<NewDelivery, 'id' | 'missionId' | 'template' | 'language' | 'causeEventId' | 'causeEventType' | 'recipientRegistrationId'>;

function snapshotOf(delivery: NewDelivery): DeliverySnapshot {
  return delivery;
}

function snapshotOfRow(row: DeliveryRow): DeliverySnapshot {
  return {
    id: row.id,
    missionId: row.mission_id,
    template: row.template,
    language: row.language,
    causeEventId: row.cause_event_id,
    causeEventType: row.cause_event_type,
    recipientRegistrationId: row.recipient_registration_id,
  };
}

function seqOfCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor);
  const seq = values?.[0];
  if (values?.length !== 1 || typeof seq !== 'string' || !/^\d{1,19}$/.test(seq)) {
    throw Problem.validation([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  }
  return seq;
}

function toView(row: DeliveryRow): DeliveryView {
  return {
    id: row.id,
    causeEventId: row.cause_event_id,
    causeEventType: row.cause_event_type,
    channel: row.channel,
    recipient: row.recipient,
    recipientRegistrationId: row.recipient_registration_id,
    template: row.template,
    language: row.language,
    messageId: row.message_id,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}
