import type { EventData } from '#contracts';
import { renderMailBody, type MailBody } from '../mail/mail-body.js';
import { formatLocalDate } from '../mail/mail-format.js';
import type { Addressee, MailKind } from '../mail/mail-kind.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import { milestoneReminderTemplates } from './templates/index.js';

type Reminded = EventData<'action_plan.milestone_reminder_due'>['recipients'][number];

export interface MilestoneReminderMail extends MailBody {
  template: 'action_plan.milestone_reminder_due';
  language: MailLanguage;
  to: { name: string; address: string };
}

/**
 * A plan milestone is due soon: one reminder to each person the event addresses (its owner, its
 * pilot project's person responsible), each in their language. A participant among them is named by
 * registration, so that once erased a reminder announced before the registry knew is not sent.
 */
export const milestoneReminderMail: MailKind<'action_plan.milestone_reminder_due', Addressee & Reminded> = {
  inbox: 'notifications.action-plan-milestone-reminder',
  events: ['action_plan.milestone_reminder_due'],
  recipients: (event) => ({ addressed: event.data.recipients }),
  compose: (event, to) => composeMilestoneReminder(event.data, to),
};

/** The reminder to one recipient, in their language; null when they have no e-mail address. */
export function composeMilestoneReminder(reminder: EventData<'action_plan.milestone_reminder_due'>, to: Reminded): MilestoneReminderMail | null {
  if (!to.email) return null;
  const language = resolveMailLanguage(to.preferredLanguage);
  const templates = milestoneReminderTemplates[language];
  const content = templates.reminder({
    recipientName: to.name,
    role: to.role,
    milestoneTitle: reminder.title,
    dueOn: formatLocalDate(reminder.dueOn, templates.locale),
    planTitle: reminder.planTitle,
    pilotProject: reminder.pilotProject?.title ?? null,
  });
  return { template: 'action_plan.milestone_reminder_due', language, to: { name: to.name, address: to.email }, ...renderMailBody(content, language) };
}
