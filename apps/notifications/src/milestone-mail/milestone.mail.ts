import type { EventData } from '#contracts';
import { renderMailBody, type MailBody } from '../mail/mail-body.js';
import { formatLocalDate } from '../mail/mail-format.js';
import type { Addressee, MailKind } from '../mail/mail-kind.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import { milestoneTemplates } from './templates/index.js';

export interface MilestoneMail extends MailBody {
  template: 'mou.milestone_due';
  language: MailLanguage;
  to: { name: string; address: string };
}

/**
 * An MoU milestone is overdue: one reminder to its owner, addressed by the event. An owner who is a
 * participant is named by registration too: once they are erased, a reminder the registry sent before
 * it knew is not sent (the delivery log's erasure rules apply).
 */
export const milestoneMail: MailKind<'mou.milestone_due', Addressee> = {
  inbox: 'notifications.milestone-reminder',
  events: ['mou.milestone_due'],
  recipients: (event) => ({ addressed: [{ registrationId: event.data.owner.registrationId ?? null }] }),
  compose: (event) => composeMilestoneReminder(event.data),
};

/** The reminder to a milestone's owner, in their language; null when the owner has no e-mail address. */
export function composeMilestoneReminder(milestone: EventData<'mou.milestone_due'>): MilestoneMail | null {
  const { owner } = milestone;
  if (!owner.email) return null;
  const language = resolveMailLanguage(owner.preferredLanguage);
  const templates = milestoneTemplates[language];
  const content = templates.reminder({
    ownerName: owner.name,
    milestoneTitle: milestone.title,
    dueOn: formatLocalDate(milestone.dueOn, templates.locale),
    mou: { reference: milestone.reference, title: milestone.mouTitle },
    pilotProject: milestone.pilotProject?.title ?? null,
  });
  return { template: 'mou.milestone_due', language, to: { name: owner.name, address: owner.email }, ...renderMailBody(content, language) };
}
