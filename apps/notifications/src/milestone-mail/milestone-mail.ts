import type { EventData } from '#contracts';
import { renderMailBody, type MailBody } from '../mail/mail-body.js';
import { formatLocalDate } from '../mail/mail-format.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import { milestoneTemplates } from './templates/index.js';

/**
 * A milestone as the event carries it. The MoU registry may add the MoU's `mouReference` and
 * `mouTitle`: they are shown when present (read structurally, so that this works before and after
 * the contract gains them).
 */
type DueMilestone = EventData<'mou.milestone_due'> & { mouReference?: string | null; mouTitle?: string | null };

export interface MilestoneMail extends MailBody {
  template: 'mou.milestone_due';
  language: MailLanguage;
  to: { name: string; address: string };
}

/** The reminder to a milestone's owner, in their language; null when the owner has no e-mail address. */
export function composeMilestoneReminder(milestone: DueMilestone): MilestoneMail | null {
  const { owner } = milestone;
  if (!owner.email) return null;
  const language = resolveMailLanguage(owner.preferredLanguage);
  const templates = milestoneTemplates[language];
  const reference = milestone.mouReference?.trim() || null;
  const title = milestone.mouTitle?.trim() || null;
  const content = templates.reminder({
    ownerName: owner.name,
    milestoneTitle: milestone.title,
    dueOn: formatLocalDate(milestone.dueOn, templates.locale),
    mou: reference || title ? { reference, title } : null,
  });
  return { template: 'mou.milestone_due', language, to: { name: owner.name, address: owner.email }, ...renderMailBody(content, language) };
}
