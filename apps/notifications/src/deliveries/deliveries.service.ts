import { afterCommit, assertOrganiserOf, encodeCursor, seqOfCursor, SERVICE_CONFIG, type Caller, type Page, type ServiceConfig } from '#common';
import type { CloudEvent } from '#contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { deriveMessageId, normaliseRecipient } from '../mail/message-id.js';
import { deliveriesRepository as repository, type DeliveryRow, type NewDelivery } from './deliveries.repository.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import type { DeliveryListQuery } from './delivery.schema.js';
import type { DeliveryView } from './delivery.view.js';

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

/**
 * The delivery log: what each event has had mailed to whom. Capabilities hand it the e-mails an
 * event calls for; the `DeliveryDispatcher` sends them (it explains why each goes out once).
 */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  /**
   * Queues `mails` for `cause` in the caller's transaction (its inbox work): they are sent after it
   * commits (which wakes this instance's dispatcher), each recipient once however often the event comes. `erasureLocksHeld`: the caller has
   * taken the recipients' erasure locks in this transaction (`lockErasure`), so they are not
   * taken again. `alongside`: a write of the caller's, sent in the same statement.
   */
  async deliver(
    manager: EntityManager,
    cause: CloudEvent,
    mails: readonly DueMail[],
    options: { erasureLocksHeld?: boolean; alongside?: { sql: string; parameters: unknown[] } } = {},
  ): Promise<void> {
    const deliveries = mails.map((mail) => this.newDelivery(cause, mail));
    repository.enqueue(manager, deliveries, cause.correlationid, {
      lockErasures: !options.erasureLocksHeld,
      alongside: options.alongside,
    });
    if (deliveries.length > 0) afterCommit(manager, () => this.dispatcher.wake());
  }

  async list(caller: Caller, missionId: string, query: DeliveryListQuery): Promise<Page<DeliveryView>> {
    assertOrganiserOf(caller, missionId);
    const afterSeq = seqOfCursor(query.cursor);
    const rows = await repository.pageOfMission(this.dataSource.manager, missionId, { status: query.status, afterSeq, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items: items.map(toView), nextCursor: rows.length > query.limit && last ? encodeCursor([last.seq]) : null };
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
