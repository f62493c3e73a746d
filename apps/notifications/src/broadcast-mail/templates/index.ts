import { byLanguage, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { broadcastCatalogues } from '../messages/index.js';
import type { BroadcastTemplates } from './template.js';

export * from './template.js';

/** Each language's frame around an organiser's broadcast (`../messages/`). */
export const broadcastTemplates: Record<MailLanguage, BroadcastTemplates> = byLanguage((language) => {
  const messages = messagesIn(broadcastCatalogues, language);
  const shared = sharedText(language);
  return {
    broadcast: (view) => ({
      subject: messages('subject', { subject: view.subject, missionTitle: view.missionTitle }),
      paragraphs: [
        shared.greeting(view.name),
        messages('intro', { missionTitle: view.missionTitle }),
        // The organiser's paragraphs, as they wrote them.
        ...view.body
          .split(/\n\s*\n/)
          .map((paragraph) => paragraph.trim())
          .filter((paragraph) => paragraph.length > 0),
        messages('onYourPage'),
        shared.closing(view.missionTitle),
      ],
    }),
  };
});
