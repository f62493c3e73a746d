import type { MailText } from '../../mail/mail-body.js';

/** Everything a milestone reminder may show, already taken out of the event. */
export interface MilestoneReminderView {
  ownerName: string;
  milestoneTitle: string;
  /** The due date, a calendar date already formatted (never moved by a time zone). */
  dueOn: string;
  /** The MoU, e.g. `MOU-2019-0007 “Smart mobility pilot”`, when the event names it; null otherwise. */
  mou: { reference: string | null; title: string | null } | null;
}

/** One language's milestone reminder. */
export interface MilestoneTemplates {
  locale: string;
  reminder: (view: MilestoneReminderView) => MailText;
}
