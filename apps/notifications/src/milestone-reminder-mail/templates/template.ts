import type { MailText } from '../../mail/mail-body.js';

/** Everything a reminder of a plan milestone may show, already taken out of the event. */
export interface MilestoneReminderView {
  recipientName: string;
  /** Why this person is told: the milestone's owner, or the person responsible for its pilot project. */
  role: 'owner' | 'responsible';
  milestoneTitle: string;
  /** The due date, a calendar date already formatted (never moved by a time zone). */
  dueOn: string;
  planTitle: string;
  pilotProject: string | null;
}

/** One language's reminder of a plan milestone. */
export interface MilestoneReminderTemplates {
  locale: string;
  reminder: (view: MilestoneReminderView) => MailText;
}
