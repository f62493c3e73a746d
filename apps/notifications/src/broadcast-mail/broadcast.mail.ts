import { renderMailBody } from '../mail/mail-body.js';
import { fullName } from '../mail/mail-format.js';
import type { ComposedMail } from '../mail/mail-kind.js';
import type { MailLanguage } from '../mail/mail-language.js';
import { withManageLink } from '../mail/sign-in-link.js';
import { broadcastTemplates } from './templates/index.js';

/** A broadcast's text in one language, as the organiser wrote it. */
export interface BroadcastText {
  subject: string;
  body: string;
}

/** A recipient of a broadcast as its mail needs them. */
export interface BroadcastAddressee {
  givenName: string;
  familyName: string;
  email: string;
}

/**
 * The mail of a broadcast to one recipient, in `language` (chosen by `broadcastLanguage`): the
 * organiser's words framed by the greeting, the closing and the sign-in link to their page, where
 * the broadcast waits in their feed. Not an event's kind: the broadcast's release queues it
 * (broadcasts/), through the same delivery log and dispatcher.
 */
export function composeBroadcast(text: BroadcastText, to: BroadcastAddressee, language: MailLanguage, missionTitle: string): ComposedMail {
  const name = language === 'en' ? `${to.givenName} ${to.familyName}`.trim() : fullName(to.givenName, to.familyName);
  const content = withManageLink(broadcastTemplates[language].broadcast({ name, missionTitle, subject: text.subject, body: text.body }), language);
  return {
    template: 'broadcast',
    language,
    to: { name: `${to.givenName} ${to.familyName}`.trim(), address: to.email },
    ...renderMailBody(content, language),
  };
}
