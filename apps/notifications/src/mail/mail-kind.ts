import type { CloudEvent, EventType, RegistrationSnapshot } from '#contracts';
import type { DirectoryEntry } from '../participants/participants.repository.js';
import type { MailBody } from './mail-body.js';
import type { MailLanguage } from './mail-language.js';
import type { MailCalendar } from './calendar-invitation.js';
import type { MailAttachment } from './mailer.service.js';

/**
 * A kind of mail: the events it answers, how its recipients are found from an event, and how one
 * message is composed. `MailEventsHandler` (deliveries/) does the rest for every kind: the inbox, the
 * look-up, the composing, the queueing; docs/DESIGN.md, Mail, says how a kind is added.
 */
export interface MailKind<Type extends EventType = EventType, To extends Addressee = DirectoryEntry> {
  /** The inbox's handler name for this kind's events; never renamed (a redelivered event is found a duplicate by it). */
  readonly inbox: string;
  /** The events it answers; each event type belongs to one kind. */
  readonly events: readonly Type[];
  /** How the recipients of `event` are found. */
  recipients(event: CloudEvent<Type>): RecipientLookup<To>;
  /** The message to `to`, in their language; null when the event calls for none to them. */
  compose(event: CloudEvent<Type>, to: To, context: MailContext): ComposedMail | null;
}

/** A recipient as far as the delivery log needs them: the participant they are, if any (whose erasure stops the mail). */
export interface Addressee {
  registrationId: string | null;
}

/** How the handler finds the recipients, in the event's unit of work. */
export type RecipientLookup<To> = (DirectoryEntry extends To ? DirectoryLookup : never) | { addressed: readonly To[] };

export type DirectoryLookup =
  /**
   * The participants the event names, read from the directory: an id it does not know, or of a
   * registration no longer active, is skipped (`recipientsOf`). `naming`: others the mail names
   * (a counterpart), read in the same statement and handed to `compose` as `context.named`.
   */
  | { directory: readonly string[]; naming?: readonly string[] }
  /** The participant of a registration snapshot, which the directory keeps in the statement that queues the mail. */
  | { keep: RegistrationSnapshot }
  /** A participant whose sign-in link generation changed: kept first; one the directory does not know yet is tried again later, unless erased. */
  | { linkGeneration: { registrationId: string; generation: number } };

/** What composing may read beside the event and the recipient. */
export interface MailContext {
  /** Everyone the look-up read from the directory, by registration id. */
  named: ReadonlyMap<string, DirectoryEntry>;
  /** How long a participant's sign-in link is valid (PARTICIPANT_LINK_DAYS). */
  participantLinkDays: number;
}

/** One message to one recipient, as a kind composes it. */
export interface ComposedMail extends MailBody {
  /** e.g. `session.cancelled`: names what was said, for the delivery log and `notification.sent`. */
  template: string;
  language: MailLanguage;
  to: { name: string; address: string };
  attachments?: readonly MailAttachment[];
  /** Calendar invitations (docs/DESIGN.md, Calendar invitations): the first is the message's `text/calendar` part, others are attached. */
  calendar?: readonly MailCalendar[];
}
