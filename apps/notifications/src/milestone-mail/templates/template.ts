import type { MailText } from '../../mail/mail-body.js';

/** Everything a milestone reminder may show, already taken out of the event. */
export interface MilestoneReminderView {
  ownerName: string;
  milestoneTitle: string;
  /** The due date, a calendar date already formatted (never moved by a time zone). */
  dueOn: string;
  mou: { reference: string; title: string };
  /** The pilot project the milestone belongs to, if any. */
  pilotProject: string | null;
}

/** One language's milestone reminder. */
export interface MilestoneTemplates {
  locale: string;
  reminder: (view: MilestoneReminderView) => MailText;
}
