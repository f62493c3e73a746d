import type { MailText } from '../../mail/mail-body.js';

/** What a registration e-mail says: one kind per outcome the participant is told about. */
export const registrationMailKinds = ['confirmed', 'approved', 'promoted', 'waitlisted', 'pending_approval', 'rejected', 'cancelled'] as const;
export type RegistrationMailKind = (typeof registrationMailKinds)[number];

/** Everything a template may show, already taken out of the event. */
export interface RegistrationMailView {
  givenName: string;
  familyName: string;
  mission: { code: string; title: string; startsOn: string; endsOn: string; timezone: string };
  /** The recipient's IANA time zone. */
  timezone: string;
  /** When the outcome happened (the event's `occurredAt`). */
  occurredAt: string;
  waitlistPosition: number | null;
  reason: string | null;
}

/** Dates and times already formatted for the template's locale. */
export interface MailMoments {
  /** The mission's dates, e.g. `9–15 June 2019`: calendar dates of the mission, never shifted by a time zone. */
  missionDates: string;
  /** When it happened, in the recipient's time zone. */
  occurredAtRecipient: string;
  /** When it happened, in the mission's (the venue's) time zone; null when that is the recipient's zone. */
  occurredAtMission: string | null;
}

export type { MailText } from '../../mail/mail-body.js';

export type RegistrationTemplate = (view: RegistrationMailView, moments: MailMoments) => MailText;

/** One language's registration e-mails. */
export interface RegistrationTemplates {
  /** The locale Intl formats dates and times in. */
  locale: string;
  /** The mission's first to last day, each already formatted by `format`. */
  dateRange(format: Intl.DateTimeFormat, first: Date, last: Date): string;
  kinds: Record<RegistrationMailKind, RegistrationTemplate>;
}
