import type { MailText } from '../../mail/mail-body.js';

/** When and where a session is (or was), already formatted for the recipient. */
export interface SessionPlace {
  /** From start to end in the recipient's time zone. */
  atRecipient: string;
  /** From start to end in the venue's time zone; null when its clocks show the recipient's time. */
  atVenue: string | null;
  /** The venue's IANA time zone (the session's when it has no venue yet). */
  venueTimezone: string;
  /** e.g. `Tianfu Expo Center, 1 Century Ave, Chengdu`; null when the session has no venue yet. */
  venue: string | null;
}

/** Everything a session e-mail may show, already taken out of the event and the participant directory. */
export interface SessionMailView {
  /** The recipient's name (a Chinese one family name first). */
  name: string;
  /** The recipient's IANA time zone. */
  timezone: string;
  missionTitle: string;
  sessionTitle: string;
  /** Where and when the session is now (rescheduled) or was going to be (cancelled). */
  now: SessionPlace;
  /** Before the change: rescheduled only. */
  before: SessionPlace | null;
  reason: string | null;
}

export type SessionMailKind = 'rescheduled' | 'cancelled';

/** One language's session e-mails. */
export interface SessionTemplates {
  /** The locale Intl formats dates and times in. */
  locale: string;
  kinds: Record<SessionMailKind, (view: SessionMailView) => MailText>;
}
