import { fullName } from '../../mail/mail-format.js';
import { byLanguage, mailLocales, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { registrationCatalogues } from '../messages/index.js';
import { registrationMailKinds, type RegistrationTemplate, type RegistrationTemplates } from './template.js';

export * from './template.js';

/** The kinds that give the reason an organiser gave, when there is one. */
const withReason = new Set(['rejected', 'cancelled']);

/** Each language's registration e-mails, worded by its catalogues (`../messages/`). */
export const registrationTemplates: Record<MailLanguage, RegistrationTemplates> = byLanguage((language) => {
  const messages = messagesIn(registrationCatalogues, language);
  const shared = sharedText(language);
  const template =
    (kind: (typeof registrationMailKinds)[number]): RegistrationTemplate =>
    (view, moments) => {
      const mission = messages('mission', { missionTitle: view.mission.title, missionCode: view.mission.code, missionDates: moments.missionDates });
      const when = moments.occurredAtMission
        ? messages('whenHereAndThere', {
            atRecipient: moments.occurredAtRecipient,
            timezone: view.timezone,
            atMission: moments.occurredAtMission,
            missionTimezone: view.mission.timezone,
          })
        : messages('whenHere', { atRecipient: moments.occurredAtRecipient, timezone: view.timezone });
      // English has always greeted by given name then family name; the other languages as the name is written (Chinese family name first).
      const name = language === 'en' ? `${view.givenName} ${view.familyName}` : fullName(view.givenName, view.familyName);
      return {
        subject: messages(`${kind}Subject`, { missionTitle: view.mission.title }),
        paragraphs: [
          shared.greeting(name),
          messages(kind, { mission, position: view.waitlistPosition ?? 0 }),
          ...(withReason.has(kind) && view.reason ? [shared.messages('reason', { reason: view.reason })] : []),
          messages(`${kind}On`, { when }),
          shared.closing(view.mission.title),
        ],
      };
    };
  return {
    locale: mailLocales[language],
    // ICU's zh range format falls back to numeric dates (2019/6/9 – 2019/6/15); spell both days out instead.
    dateRange:
      language === 'zh' ? (format, first, last) => `${format.format(first)}至${format.format(last)}` : (format, first, last) => format.formatRange(first, last),
    kinds: Object.fromEntries(registrationMailKinds.map((kind) => [kind, template(kind)])) as RegistrationTemplates['kinds'],
  };
});
