import type { MailLanguage } from '../../mail/mail-language.js';
import { byLanguage, mailLocales } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { sessionCatalogues } from '../messages/index.js';
import type { SessionTemplates } from './template.js';

export * from './template.js';

/** Each language's session e-mails, worded by its catalogues (`../messages/`). */
export const sessionTemplates: Record<MailLanguage, SessionTemplates> = byLanguage((language) => {
  const messages = messagesIn(sessionCatalogues, language);
  const shared = sharedText(language);
  return {
    locale: mailLocales[language],
    kinds: {
      rescheduled: (view) => {
        const before = view.before!;
        const titles = { sessionTitle: view.sessionTitle, missionTitle: view.missionTitle };
        return {
          subject: messages('rescheduledSubject', titles),
          paragraphs: [
            shared.greeting(view.name),
            messages('rescheduled', { ...titles, moved: before.venue !== view.now.venue ? 'yes' : 'no' }),
            messages('now', { whenAndWhere: shared.whenAndWhere(view.now, view.timezone) }),
            messages('before', { whenAndWhere: shared.whenAndWhere(before, view.timezone) }),
            shared.closing(view.missionTitle),
          ],
        };
      },
      cancelled: (view) => ({
        subject: messages('cancelledSubject', { sessionTitle: view.sessionTitle, missionTitle: view.missionTitle }),
        paragraphs: [
          shared.greeting(view.name),
          messages('cancelled', { sessionTitle: view.sessionTitle, missionTitle: view.missionTitle }),
          shared.whenAndWhere(view.now, view.timezone),
          ...(view.reason ? [shared.messages('reason', { reason: view.reason })] : []),
          shared.closing(view.missionTitle),
        ],
      }),
    },
  };
});
