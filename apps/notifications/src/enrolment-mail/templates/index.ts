import { byLanguage, mailLocales, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { enrolmentCatalogues } from '../messages/index.js';
import type { EnrolmentMailView, EnrolmentTemplates } from './template.js';

export * from './template.js';

/** Each language's enrolment e-mails, worded by its catalogues (`../messages/`). */
export const enrolmentTemplates: Record<MailLanguage, EnrolmentTemplates> = byLanguage((language) => {
  const messages = messagesIn(enrolmentCatalogues, language);
  const shared = sharedText(language);
  const mail = (view: EnrolmentMailView, kind: 'confirmed' | 'promoted' | 'waitlisted' | 'cancelled') => {
    const values = {
      sessionTitle: view.sessionTitle,
      missionTitle: view.missionTitle,
      position: view.waitlistPosition ?? 0,
      previousStatus: view.previousStatus ?? 'confirmed',
    };
    return {
      subject: messages(`${kind}Subject`, values),
      paragraphs: [shared.greeting(view.name), messages(kind, values), shared.whenAndWhere(view.now, view.timezone), shared.closing(view.missionTitle)],
    };
  };
  return {
    locale: mailLocales[language],
    kinds: {
      confirmed: (view) => mail(view, 'confirmed'),
      promoted: (view) => mail(view, 'promoted'),
      waitlisted: (view) => mail(view, 'waitlisted'),
      cancelled: (view) => mail(view, 'cancelled'),
    },
  };
});
