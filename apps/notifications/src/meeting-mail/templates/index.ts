import { byLanguage, mailLocales, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { meetingCatalogues } from '../messages/index.js';
import type { MeetingMailKind, MeetingMailView, MeetingTemplates } from './template.js';

export * from './template.js';

/** Each language's meeting notices, worded by its catalogues (`../messages/`). */
export const meetingTemplates: Record<MailLanguage, MeetingTemplates> = byLanguage((language) => {
  const messages = messagesIn(meetingCatalogues, language);
  const shared = sharedText(language);
  const who = (view: MeetingMailView) => view.counterpart?.name ?? messages('someone');
  const whoInFull = ({ counterpart: c }: MeetingMailView) => {
    if (!c) return messages('someone');
    // A Chinese card reads organisation, then title; the others title, then organisation.
    const details =
      language === 'zh'
        ? [c.organisation, c.jobTitle, c.country].filter(Boolean).join('，')
        : [c.jobTitle, c.organisation, c.country].filter(Boolean).join(', ');
    return messages('withDetails', { name: c.name, details });
  };
  const mail = (kind: MeetingMailKind, whose: 'theirMessage' | 'yourMessage', next: 'requestedNext' | 'acceptedNext' | null) => (view: MeetingMailView) => ({
    subject: messages(`${kind}Subject`, { who: who(view), missionTitle: view.missionTitle }),
    paragraphs: [
      shared.greeting(view.name),
      messages(kind, { who: whoInFull(view), missionTitle: view.missionTitle }),
      ...(view.message ? [messages(whose, { message: view.message })] : []),
      ...(next ? [messages(next)] : []),
      shared.closing(view.missionTitle),
    ],
  });
  return {
    locale: mailLocales[language],
    kinds: {
      requested: mail('requested', 'theirMessage', 'requestedNext'),
      accepted: mail('accepted', 'yourMessage', 'acceptedNext'),
      declined: mail('declined', 'yourMessage', null),
    },
  };
});
