import { byLanguage, mailLocales, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { milestoneReminderCatalogues } from '../messages/index.js';
import type { MilestoneReminderTemplates } from './template.js';

export * from './template.js';

/** Each language's reminder of a plan milestone, worded by its catalogues (`../messages/`). */
export const milestoneReminderTemplates: Record<MailLanguage, MilestoneReminderTemplates> = byLanguage((language) => {
  const messages = messagesIn(milestoneReminderCatalogues, language);
  const shared = sharedText(language);
  return {
    locale: mailLocales[language],
    reminder: (view) => {
      const of = messages('of', { hasPilot: view.pilotProject ? 'yes' : 'no', pilotProject: view.pilotProject ?? '', planTitle: view.planTitle });
      const values = { milestoneTitle: view.milestoneTitle, dueOn: view.dueOn };
      return {
        subject: messages('subject', values),
        paragraphs: [
          shared.greeting(view.recipientName),
          `${messages('body', { ...values, of })} ${messages('role', { role: view.role })}`,
          messages('ask'),
          messages('closing'),
        ],
      };
    },
  };
});
