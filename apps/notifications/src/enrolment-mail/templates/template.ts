import type { MailText } from '../../mail/mail-body.js';
import type { SessionPlace } from '../../mail/session-place.js';

export const enrolmentMailKinds = ['confirmed', 'promoted', 'waitlisted', 'cancelled'] as const;
/** `promoted`: confirmed from the waiting list, once a seat came free. */
export type EnrolmentMailKind = (typeof enrolmentMailKinds)[number];

/** Everything an enrolment e-mail may show: the session, and the participant's place in it. */
export interface EnrolmentMailView {
  /** The recipient's name (a Chinese one family name first). */
  name: string;
  /** The recipient's IANA time zone. */
  timezone: string;
  missionTitle: string;
  sessionTitle: string;
  /** When and where the session is. */
  now: SessionPlace;
  /** Waitlisted: 1 for the next in line; null when the event does not say. */
  waitlistPosition: number | null;
  /** Cancelled: whether the participant held a seat or waited for one (null when the event does not say). */
  previousStatus: 'confirmed' | 'waitlisted' | null;
}

/** One language's enrolment e-mails. */
export interface EnrolmentTemplates {
  /** The locale Intl formats dates and times in. */
  locale: string;
  kinds: Record<EnrolmentMailKind, (view: EnrolmentMailView) => MailText>;
}
