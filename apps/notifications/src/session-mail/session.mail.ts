import type { CloudEvent, EventData } from '#contracts';
import { sessionInvitation, type MailCalendar } from '../mail/calendar-invitation.js';
import { renderMailBody, type MailBody } from '../mail/mail-body.js';
import { fullName } from '../mail/mail-format.js';
import type { MailKind } from '../mail/mail-kind.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import type { DirectoryEntry } from '../participants/participants.repository.js';
import { placeOf, type SessionSlot } from '../mail/session-place.js';
import { sessionTemplates, type SessionMailKind } from './templates/index.js';

/** The session events that mail the participants they name. */
export const sessionMailEvents = ['session.rescheduled', 'session.cancelled'] as const;
export type SessionMailEvent = (typeof sessionMailEvents)[number];

/** A session moved or was cancelled after a release: each participant it touches is told. */
export const sessionMail: MailKind<SessionMailEvent> = {
  inbox: 'notifications.session-mail',
  events: sessionMailEvents,
  recipients: (event) => ({ directory: event.data.participantIds }),
  compose: (event, recipient) =>
    event.type === 'session.rescheduled'
      ? composeRescheduledMail((event as CloudEvent<'session.rescheduled'>).data, recipient)
      : composeCancelledMail((event as CloudEvent<'session.cancelled'>).data, recipient),
};

type Rescheduled = EventData<'session.rescheduled'>;
type Cancelled = EventData<'session.cancelled'>;

export interface SessionMail extends MailBody {
  /** `session.rescheduled` or `session.cancelled`: names what was said, for the delivery log and `notification.sent`. */
  template: `session.${SessionMailKind}`;
  language: MailLanguage;
  to: { name: string; address: string };
  calendar?: readonly MailCalendar[];
}

/** The e-mail to one participant about a session that moved: the old and the new time, in their time zone and the venue's. */
export function composeRescheduledMail(session: Rescheduled, recipient: DirectoryEntry): SessionMail {
  const previous = { ...session.previous, timezone: session.timezone };
  return {
    ...compose('rescheduled', session, recipient, { before: previous, reason: null }),
    calendar: sessionInvitation(session.sessionId, session, 'REQUEST'),
  };
}

/** The e-mail to one participant about a session that was cancelled, with when and where it was planned. */
export function composeCancelledMail(session: Cancelled, recipient: DirectoryEntry): SessionMail {
  return {
    ...compose('cancelled', session, recipient, { before: null, reason: session.reason ?? null }),
    calendar: sessionInvitation(session.sessionId, session, 'CANCEL'),
  };
}

function compose(
  kind: SessionMailKind,
  session: SessionSlot & { title: string },
  recipient: DirectoryEntry,
  change: { before: SessionSlot | null; reason: string | null },
): SessionMail {
  const language = resolveMailLanguage(recipient.preferredLanguage);
  const templates = sessionTemplates[language];
  const place = (slot: SessionSlot) => placeOf(slot, recipient.timezone, templates.locale);
  const content = templates.kinds[kind]({
    name: fullName(recipient.givenName, recipient.familyName),
    timezone: recipient.timezone,
    missionTitle: recipient.mission.title,
    sessionTitle: session.title,
    now: place(session),
    before: change.before ? place(change.before) : null,
    reason: change.reason,
  });
  return {
    template: `session.${kind}`,
    language,
    to: { name: fullName(recipient.givenName, recipient.familyName), address: recipient.email },
    ...renderMailBody(content, language),
  };
}
