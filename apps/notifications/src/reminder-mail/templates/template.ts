import type { MailText } from '../../mail/mail-body.js';
import type { SessionPlace } from '../../mail/session-place.js';

export const reminderMailKinds = ['session', 'meeting', 'closing'] as const;
export type ReminderMailKind = (typeof reminderMailKinds)[number];

interface ReminderView {
  /** The recipient's name. */
  name: string;
  /** The recipient's IANA time zone. */
  timezone: string;
  missionTitle: string;
}

export interface SessionReminderView extends ReminderView {
  sessionTitle: string;
  role: 'enrolled' | 'speaker';
  now: SessionPlace;
}

export interface MeetingReminderView extends ReminderView {
  table: string;
  now: SessionPlace;
  /** The others at the meeting, as the directory knows them (empty when it does not). */
  counterparts: string[];
}

export interface ClosingReminderView extends ReminderView {
  status: 'pending_approval' | 'waitlisted';
  /** The closing time, formatted in the recipient's zone. */
  closesAt: string;
}

/** One language's reminder e-mails. */
export interface ReminderTemplates {
  locale: string;
  session: (view: SessionReminderView) => MailText;
  meeting: (view: MeetingReminderView) => MailText;
  closing: (view: ClosingReminderView) => MailText;
}
