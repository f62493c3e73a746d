import type { CloudEvent } from '#contracts';
import { renderMailBody } from '../mail/mail-body.js';
import type { MailKind } from '../mail/mail-kind.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import { SIGN_IN_LINK } from '../mail/sign-in-link.js';
import type { DirectoryEntry } from '../participants/participants.repository.js';
import { accessTemplates, type AccessMailKind } from './templates/index.js';

export const accessMailEvents = ['participant.access_link_requested', 'participant.access_revoked'] as const;
export type AccessMailEvent = (typeof accessMailEvents)[number];

/**
 * "Your sign-in link", for a link asked for again and for a revocation. The directory keeps the
 * registration's new link generation first, so every mail from now on carries a link of it.
 */
export const accessMail: MailKind<AccessMailEvent> = {
  inbox: 'notifications.access-mail',
  events: accessMailEvents,
  recipients: ({ data }: CloudEvent<AccessMailEvent>) => ({ linkGeneration: { registrationId: data.registrationId, generation: data.linkGeneration } }),
  compose: (event, participant, { participantLinkDays }) => composeAccessMail(event.type, participant, participantLinkDays),
};

const kindOf: Record<AccessMailEvent, AccessMailKind> = {
  'participant.access_link_requested': 'link_requested',
  'participant.access_revoked': 'access_revoked',
};

export interface AccessMail {
  template: `participant.${AccessMailKind}`;
  language: MailLanguage;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
}

/** "Your sign-in link", in the participant's language; the link itself is put in when the mail is sent (`SIGN_IN_LINK`). */
export function composeAccessMail(type: AccessMailEvent, participant: DirectoryEntry, days: number): AccessMail {
  const kind = kindOf[type];
  const language = resolveMailLanguage(participant.preferredLanguage);
  const content = accessTemplates[language].kinds[kind]({
    givenName: participant.givenName,
    familyName: participant.familyName,
    mission: participant.mission,
    link: SIGN_IN_LINK,
    days,
  });
  return {
    template: `participant.${kind}`,
    language,
    to: { name: `${participant.givenName} ${participant.familyName}`.trim(), address: participant.email },
    ...renderMailBody(content, language),
  };
}
