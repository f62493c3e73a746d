import type { EventData } from '#contracts';
import { sessionInvitation, type MailCalendar } from '../mail/calendar-invitation.js';
import type { MailKind } from '../mail/mail-kind.js';
import { renderMailBody, type MailBody } from '../mail/mail-body.js';
import { fullName } from '../mail/mail-format.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import type { DirectoryEntry } from '../participants/participants.repository.js';
import { placeOf } from '../mail/session-place.js';
import { enrolmentTemplates, type EnrolmentMailKind } from './templates/index.js';

/** The enrolment events that may mail the participant enrolled. */
export const enrolmentMailEvents = ['enrolment.confirmed', 'enrolment.waitlisted', 'enrolment.cancelled'] as const;
export type EnrolmentMailEvent = (typeof enrolmentMailEvents)[number];
/** Each participant's place in the sessions they enrol in, mailed to them as it changes. */
export const enrolmentMail: MailKind<EnrolmentMailEvent> = {
  inbox: 'notifications.enrolment-mail',
  events: enrolmentMailEvents,
  recipients: (event) => ({ directory: enrolmentNotice(event.type, event.data) ? [event.data.registrationId] : [] }),
  compose: (event, recipient) => {
    const notice = enrolmentNotice(event.type, event.data);
    return notice && composeEnrolmentMail(notice, recipient);
  },
};

type Enrolment = EventData<'enrolment.confirmed'> & Partial<Pick<EventData<'enrolment.cancelled'>, 'reason'>>;

/** What the participant is to be told: which e-mail, about which session, and their place in it. */
export interface EnrolmentNotice {
  kind: EnrolmentMailKind;
  /** Added with calendar invitations: the session's id, its UID in the calendar. */
  sessionId?: string;
  session: NonNullable<Enrolment['session']>;
  waitlistPosition: number | null;
  previousStatus: 'confirmed' | 'waitlisted' | null;
}

export interface EnrolmentMail extends MailBody {
  /** e.g. `enrolment.promoted`: names what was said, for the delivery log and `notification.sent`. */
  template: `enrolment.${EnrolmentMailKind}`;
  language: MailLanguage;
  to: { name: string; address: string };
  calendar?: readonly MailCalendar[];
}

/**
 * What an enrolment event calls for, or null when it mails no one. A confirmation says whether it came
 * from the waiting list. A participant whose registration was cancelled or erased left their sessions
 * with it and is not told of each (registration's e-mail tells them they left); an event from before
 * enrolment events carried their session cannot say which session it is about, so it mails no one.
 */
export function enrolmentNotice(type: EnrolmentMailEvent, enrolment: Enrolment): EnrolmentNotice | null {
  if (!enrolment.session) return null;
  const base = {
    sessionId: enrolment.sessionId,
    session: enrolment.session,
    waitlistPosition: enrolment.waitlistPosition,
    previousStatus: enrolment.previousStatus ?? null,
  };
  switch (type) {
    case 'enrolment.confirmed':
      return { ...base, kind: enrolment.previousStatus === 'waitlisted' ? 'promoted' : 'confirmed' };
    case 'enrolment.waitlisted':
      return { ...base, kind: 'waitlisted' };
    case 'enrolment.cancelled':
      return enrolment.reason === 'participant-left' ? null : { ...base, kind: 'cancelled' };
  }
}

/** The e-mail to the participant, in their language, with the session's time in their time zone and the venue's. */
export function composeEnrolmentMail(notice: EnrolmentNotice, recipient: DirectoryEntry): EnrolmentMail {
  const language = resolveMailLanguage(recipient.preferredLanguage);
  const templates = enrolmentTemplates[language];
  const name = fullName(recipient.givenName, recipient.familyName);
  const content = templates.kinds[notice.kind]({
    name,
    timezone: recipient.timezone,
    missionTitle: recipient.mission.title,
    sessionTitle: notice.session.title,
    now: placeOf(notice.session, recipient.timezone, templates.locale),
    waitlistPosition: notice.waitlistPosition,
    previousStatus: notice.previousStatus,
  });
  return {
    template: `enrolment.${notice.kind}`,
    language,
    to: { name, address: recipient.email },
    ...renderMailBody(content, language),
    ...(notice.sessionId ? { calendar: enrolmentInvitation(notice.sessionId, notice) } : {}),
  };
}

/** A seat puts the session in the calendar, a place on the waitlist tentatively (as the agenda does); a cancelled enrolment takes it out. */
function enrolmentInvitation(sessionId: string, notice: EnrolmentNotice): MailCalendar[] {
  if (notice.kind === 'cancelled') return sessionInvitation(sessionId, notice.session, 'CANCEL');
  return sessionInvitation(sessionId, notice.session, 'REQUEST', notice.kind === 'waitlisted' ? 'tentative' : 'confirmed');
}
