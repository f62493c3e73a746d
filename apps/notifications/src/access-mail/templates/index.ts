import { fullName } from '../../mail/mail-format.js';
import { byLanguage, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { accessCatalogues } from '../messages/index.js';
import type { AccessMailKind, AccessMailView, AccessTemplates } from './template.js';

export * from './template.js';

/** Each language's sign-in link e-mails, worded by its catalogues (`../messages/`). */
export const accessTemplates: Record<MailLanguage, AccessTemplates> = byLanguage((language) => {
  const messages = messagesIn(accessCatalogues, language);
  const shared = sharedText(language);
  const mail = (kind: AccessMailKind) => (view: AccessMailView) => {
    const mission = { missionTitle: view.mission.title, missionCode: view.mission.code };
    // English has always greeted by given name then family name; the other languages as the name is written.
    const name = language === 'en' ? `${view.givenName} ${view.familyName}` : fullName(view.givenName, view.familyName);
    return {
      subject: messages(`${kind}Subject`, mission),
      paragraphs: [
        shared.greeting(name),
        messages(kind, mission),
        messages('link', { link: view.link, days: view.days }),
        ...(kind === 'link_requested' ? [messages('ignore')] : []),
        shared.closing(view.mission.title),
      ],
    };
  };
  return { kinds: { link_requested: mail('link_requested'), access_revoked: mail('access_revoked') } };
});
