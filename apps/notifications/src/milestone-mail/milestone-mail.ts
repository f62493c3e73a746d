import type { EventData } from '#contracts';
import { renderMailBody, type MailBody } from '../mail/mail-body.js';
import { formatLocalDate } from '../mail/mail-format.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import { milestoneTemplates } from './templates/index.js';

export interface MilestoneMail extends MailBody {
  template: 'mou.milestone_due';
  language: MailLanguage;
  to: { name: string; address: string };
}

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
