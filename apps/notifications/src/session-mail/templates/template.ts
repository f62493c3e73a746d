import type { MailText } from '../../mail/mail-body.js';
import type { SessionPlace } from '../../mail/session-place.js';

export type { SessionPlace } from '../../mail/session-place.js';

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
