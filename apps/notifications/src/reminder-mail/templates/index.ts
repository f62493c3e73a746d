import { byLanguage, mailLocales, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { reminderCatalogues } from '../messages/index.js';
import type { ReminderTemplates } from './template.js';

export * from './template.js';

/** Each language's reminders, worded by its catalogues (`../messages/`). */
export const reminderTemplates: Record<MailLanguage, ReminderTemplates> = byLanguage((language) => {
  const messages = messagesIn(reminderCatalogues, language);
  const shared = sharedText(language);
  return {
    locale: mailLocales[language],
    session: (view) => {
      const values = { sessionTitle: view.sessionTitle, missionTitle: view.missionTitle };
      return {
        subject: messages('sessionSubject', values),
        paragraphs: [
          shared.greeting(view.name),
          messages('session', { ...values, role: view.role }),
          shared.whenAndWhere(view.now, view.timezone),
          shared.closing(view.missionTitle),
        ],
      };
    },
    meeting: (view) => {
      const values = { table: view.table, missionTitle: view.missionTitle };
      return {
        subject: messages('meetingSubject', values),
        paragraphs: [
          shared.greeting(view.name),
          messages('meeting', values),
          shared.whenAndWhere(view.now, view.timezone),
          ...(view.counterparts.length ? [messages('meetingWith', { counterparts: view.counterparts.join(', ') })] : []),
          shared.closing(view.missionTitle),
        ],
      };
    },
    closing: (view) => {
      const values = { missionTitle: view.missionTitle, closesAt: view.closesAt };
      return {
        subject: messages('closingSubject', values),
        paragraphs: [
          shared.greeting(view.name),
          messages('closing', { ...values, status: view.status, timezone: view.timezone }),
          shared.closing(view.missionTitle),
        ],
      };
    },
  };
});
