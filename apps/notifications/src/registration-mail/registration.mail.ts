import { registrationSnapshotTypes, type RegistrationSnapshot, type RegistrationSnapshotType } from '#contracts';
import { renderMailBody } from '../mail/mail-body.js';
import type { Addressee, MailKind } from '../mail/mail-kind.js';
import { withManageLink } from '../mail/sign-in-link.js';
import { dateTimeFormat, formatInstant, sameWallClock } from '../mail/mail-format.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import {
  registrationTemplates,
  type MailMoments,
  type RegistrationMailKind,
  type RegistrationMailView,
  type RegistrationTemplates,
} from './templates/index.js';

/**
 * The outcome of a registration, mailed to its participant. Every registration event keeps the
 * participant directory (in the statement that queues the mail: one inbox row and one erasure check
 * on the path every registration takes), so the kind answers them all; `registration.updated` mails no one.
 */
export const registrationMail: MailKind<RegistrationSnapshotType, Addressee> = {
  inbox: 'notifications.participant-directory',
  events: registrationSnapshotTypes,
  recipients: (event) => ({ keep: event.data }),
  compose: (event) => composeRegistrationMail(event.type, event.data),
};

/** The registration events that mail the participant. */
export const registrationMailEvents = [
  'registration.submitted',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.rejected',
  'registration.cancelled',
] as const;
export type RegistrationMailEvent = (typeof registrationMailEvents)[number];

/** A rendered e-mail, ready to be recorded and sent. */
export interface RegistrationMail {
  /** e.g. `registration.promoted`: names what was said, for the delivery log and `notification.sent`. */
  template: `registration.${RegistrationMailKind}`;
  language: MailLanguage;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
}

/**
 * Which e-mail an event calls for. A confirmation says how it came about: straight away, after an
 * organiser's approval, or by promotion from the waiting list.
 */
export function registrationMailKind(type: string, snapshot: Pick<RegistrationSnapshot, 'previousStatus'>): RegistrationMailKind | null {
  switch (type) {
    case 'registration.confirmed':
      if (snapshot.previousStatus === 'waitlisted') return 'promoted';
      if (snapshot.previousStatus === 'pending_approval') return 'approved';
      return 'confirmed';
    case 'registration.submitted':
      return 'pending_approval';
    case 'registration.waitlisted':
      return 'waitlisted';
    case 'registration.rejected':
      return 'rejected';
    case 'registration.cancelled':
      return 'cancelled';
    default:
      return null;
  }
}

/** The e-mail to the participant for a registration event, in their language and time zone; null when the event mails no one. */
export function composeRegistrationMail(type: string, snapshot: RegistrationSnapshot): RegistrationMail | null {
  const kind = registrationMailKind(type, snapshot);
  if (!kind) return null;
  const language = resolveMailLanguage(snapshot.participant.preferredLanguage);
  const templates = registrationTemplates[language];
  const view: RegistrationMailView = {
    givenName: snapshot.participant.givenName,
    familyName: snapshot.participant.familyName,
    mission: snapshot.mission,
    timezone: snapshot.participant.timezone,
    occurredAt: snapshot.occurredAt,
    waitlistPosition: snapshot.waitlistPosition,
    reason: snapshot.reason,
  };
  const content = withManageLink(templates.kinds[kind](view, mailMoments(view, templates)), language);
  return {
    template: `registration.${kind}`,
    language,
    to: { name: `${view.givenName} ${view.familyName}`.trim(), address: snapshot.participant.email },
    ...renderMailBody(content, language),
  };
}

export function mailMoments(view: RegistrationMailView, templates: RegistrationTemplates): MailMoments {
  const { locale } = templates;
  const recipient = formatInstant(view.occurredAt, view.timezone, locale);
  const atMission = formatInstant(view.occurredAt, view.mission.timezone, locale);
  return {
    missionDates: formatDateRange(view.mission.startsOn, view.mission.endsOn, templates),
    occurredAtRecipient: recipient,
    occurredAtMission: sameWallClock([view.occurredAt], view.timezone, view.mission.timezone) ? null : atMission,
  };
}

/** Calendar dates are the mission's own: formatted in UTC so that no time zone moves them by a day. */
export function formatDateRange(startsOn: string, endsOn: string, templates: Pick<RegistrationTemplates, 'locale' | 'dateRange'>): string {
  // Every e-mail of a mission shows the same dates: format them once.
  const key = `${templates.locale}|${startsOn}|${endsOn}`;
  let range = dateRanges.get(key);
  if (range === undefined) {
    const format = dateTimeFormat(templates.locale, 'UTC', 'date');
    const first = new Date(`${startsOn}T00:00:00Z`);
    range = startsOn === endsOn ? format.format(first) : templates.dateRange(format, first, new Date(`${endsOn}T00:00:00Z`));
    if (dateRanges.size >= 1000) dateRanges.clear();
    dateRanges.set(key, range);
  }
  return range;
}
const dateRanges = new Map<string, string>();
