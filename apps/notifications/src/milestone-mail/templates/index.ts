import { byLanguage, mailLocales, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { milestoneCatalogues } from '../messages/index.js';
import type { MilestoneTemplates } from './template.js';

export * from './template.js';

/** Each language's milestone reminder, worded by its catalogues (`../messages/`). */
export const milestoneTemplates: Record<MailLanguage, MilestoneTemplates> = byLanguage((language) => {
  const messages = messagesIn(milestoneCatalogues, language);
  const shared = sharedText(language);
  return {
    locale: mailLocales[language],
    reminder: (view) => {
      const of = messages('of', {
        hasPilot: view.pilotProject ? 'yes' : 'no',
        pilotProject: view.pilotProject ?? '',
        reference: view.mou.reference,
        mouTitle: view.mou.title,
      });
      const values = { milestoneTitle: view.milestoneTitle, dueOn: view.dueOn };
      return {
        subject: messages('subject', values),
        paragraphs: [shared.greeting(view.ownerName), messages('body', { ...values, of }), messages('ask'), messages('closing')],
      };
    },
  };
});
