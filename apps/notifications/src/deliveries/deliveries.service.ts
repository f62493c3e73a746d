import {
  assertOrganiserOf,
  encodeCursor,
  seqOfCursor,
  SERVICE_CONFIG,
  Transactions,
  type Caller,
  type Page,
  type ServiceConfig,
  type UnitOfWork,
} from '#common';
import type { CloudEvent, EventType } from '#contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { renderInvitations } from '../mail/calendar-invitation.js';
import type { Addressee, ComposedMail, MailKind, RecipientLookup } from '../mail/mail-kind.js';
import { deriveMessageId, normaliseRecipient } from '../mail/message-id.js';
import { ParticipantsRepository, type DirectoryEntry } from '../participants/participants.repository.js';
import { entryOfSnapshot, recipientsOf, type Recipients } from '../participants/recipient.rules.js';
import { DeliveriesRepository, type DeliveryRow, type NewDelivery } from './deliveries.repository.js';
import { DeliveryDispatchService } from './delivery-dispatch.service.js';
import type { DeliveryListQuery } from './delivery.schema.js';
import type { DeliveryView } from './delivery.view.js';

/** An e-mail an event calls for, addressed, as it is queued. */
export interface DueMail extends ComposedMail {
  missionId: string | null;
  recipientRegistrationId: string | null;
}

/** What caused e-mails: an event, or something of notifications' own (a broadcast) named as one. */
export type MailCause = Pick<CloudEvent, 'id' | 'time' | 'correlationid'> & { type: string };

/** The recipients a look-up found, and what their queueing must carry. */
interface Found<To> {
  recipients: readonly To[];
  skipped: Recipients['skipped'];
  named: ReadonlyMap<string, DirectoryEntry>;
  /** The look-up wrote about the participant and took their erasure lock first. */
  erasureLocksHeld: boolean;
  /** A write of the look-up's that goes in the queueing's statement. */
  alongside?: ReturnType<ParticipantsRepository['keep']>;
}

/**
 * The delivery log: what each event has had mailed to whom. `queue` finds a mail kind's recipients,
 * composes and queues its messages in the event's inbox work; the `DeliveryDispatchService` sends them
 * (docs/DESIGN.md, Inside notifications, says why each goes out once).
 */
@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger(DeliveriesService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly deliveries: DeliveriesRepository,
    private readonly participants: ParticipantsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly dispatcher: DeliveryDispatchService,
  ) {}

  /** What `kind` mails for `event`, found, composed and queued in `unit` (the event's inbox work): sent after it commits, each recipient once. */
  async queue<Type extends EventType, To extends Addressee>(unit: UnitOfWork, kind: MailKind<Type, To>, event: CloudEvent<Type>): Promise<void> {
    const found = await this.lookUp(unit, kind.recipients(event));
    if (found.skipped.length > 0) this.logger.log({ msg: 'not mailed to some participants', mail: kind.inbox, skipped: found.skipped });
    const context = { named: found.named, participantLinkDays: this.config.participantLinkDays };
    const missionId = (event.data as { missionId?: string | null }).missionId ?? null;
    const mails = found.recipients.flatMap((to): DueMail[] => {
      const mail = kind.compose(event, to, context);
      return mail ? [{ ...mail, missionId, recipientRegistrationId: to.registrationId }] : [];
    });
    const deliveries = mails.map((mail) => this.newDelivery(event, mail));
    this.deliveries.deferQueue(unit, deliveries, event.correlationid, { lockErasures: !found.erasureLocksHeld, alongside: found.alongside });
    if (deliveries.length > 0) unit.afterCommit(() => this.dispatcher.wake());
  }

  /**
   * E-mails whose cause is not an event (a broadcast: its id is their cause), queued in `unit` as an
   * event's are: one row per cause and recipient, sent by the dispatcher after the commit. No erasure
   * locks (a broadcast may have thousands of recipients): the insert skips the erased, and the
   * dispatcher checks once more when it claims each row (DESIGN.md, Inside notifications, 4).
   */
  queueMails(unit: UnitOfWork, cause: MailCause, mails: readonly DueMail[]): void {
    const deliveries = mails.map((mail) => this.newDelivery(cause, mail));
    this.deliveries.deferQueue(unit, deliveries, cause.correlationid, { lockErasures: false });
    if (deliveries.length > 0) unit.afterCommit(() => this.dispatcher.wake());
  }

  /** Registration erased a participant: the delivery log and the directory forget them. */
  async erase(unit: UnitOfWork, registrationId: string): Promise<void> {
    // eraseRecipient takes the erasure lock first: a directory update or a mail under way finishes before, or finds them erased after.
    await this.deliveries.eraseRecipient(unit, registrationId);
    await this.participants.forget(unit, registrationId);
  }

  async list(caller: Caller, missionId: string, query: DeliveryListQuery): Promise<Page<DeliveryView>> {
    assertOrganiserOf(caller, missionId);
    const afterSeq = seqOfCursor(query.cursor);
    const rows = await this.deliveries.pageOfMission(this.transactions.outside, missionId, { status: query.status, afterSeq, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items: items.map(toView), nextCursor: rows.length > query.limit && last ? encodeCursor([last.seq]) : null };
  }

  /** The recipients `lookup` asks for; a directory look-up is only asked for where `To` is a directory entry or less (its type says so). */
  private async lookUp<To extends Addressee>(unit: UnitOfWork, lookup: RecipientLookup<To>): Promise<Found<To>> {
    const none = { skipped: [], named: new Map<string, DirectoryEntry>() };
    if ('addressed' in lookup) return { ...none, recipients: lookup.addressed, erasureLocksHeld: false };
    // A look-up that writes about the participant takes their erasure lock first, with its statement.
    if ('keep' in lookup) {
      this.deliveries.deferErasureLocks(unit, [lookup.keep.registrationId]);
      return { ...none, recipients: [entryOfSnapshot(lookup.keep) as unknown as To], erasureLocksHeld: true, alongside: this.participants.keep(lookup.keep) };
    }
    if ('linkGeneration' in lookup) {
      const { registrationId, generation } = lookup.linkGeneration;
      this.deliveries.deferErasureLocks(unit, [registrationId]);
      const participant = await this.participants.takeLinkGeneration(unit, registrationId, generation);
      if (participant) return { ...none, recipients: [participant as unknown as To], erasureLocksHeld: true };
      if (await this.deliveries.isErased(unit, registrationId)) return { ...none, recipients: [], erasureLocksHeld: true };
      // Their registration's event is still on its way: tried again later.
      throw new Error(`registration ${registrationId} is not in the participant directory yet`);
    }
    const entries = await this.participants.find(unit, [...new Set([...lookup.directory, ...(lookup.naming ?? [])])]);
    const { recipients, skipped } = recipientsOf(lookup.directory, entries);
    return {
      recipients: recipients as unknown as To[],
      skipped,
      named: new Map(entries.map((entry) => [entry.registrationId, entry])),
      erasureLocksHeld: false,
    };
  }

  /** The delivery `mail` makes for `cause`, with the message exactly as it is sent (and re-sent). */
  private newDelivery(cause: MailCause, mail: DueMail): NewDelivery {
    const recipient = normaliseRecipient(mail.to.address);
    const invitations = renderInvitations(mail.calendar, {
      stamp: new Date(cause.time),
      from: this.config.mailFrom,
      to: { name: mail.to.name, address: recipient },
    });
    const attachments = [...(mail.attachments ?? []), ...invitations.attachments];
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
        ...(attachments.length ? { attachments } : {}),
        ...(invitations.calendar ? { calendar: invitations.calendar } : {}),
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
