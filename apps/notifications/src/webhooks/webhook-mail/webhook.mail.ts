import type { EventData } from '#contracts';
import { renderMailBody, type MailBody } from '../../mail/mail-body.js';
import { formatInstant } from '../../mail/mail-format.js';
import type { Addressee, MailKind } from '../../mail/mail-kind.js';
import { mailLocales, resolveMailLanguage, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { webhookCatalogues } from './messages/index.js';

export interface EndpointDisabledMail extends MailBody {
  template: 'webhook.endpoint_disabled';
  language: MailLanguage;
  to: { name: string; address: string };
}

/** A webhook endpoint was disabled: its organiser is told at the contact address they gave (none given, no mail; the event stays on the dashboard's log). */
export const webhookMail: MailKind<'webhook.endpoint_disabled', Addressee> = {
  inbox: 'notifications.webhook-disabled-mail',
  events: ['webhook.endpoint_disabled'],
  recipients: () => ({ addressed: [{ registrationId: null }] }),
  compose: (event) => composeEndpointDisabled(event.data),
};

export function composeEndpointDisabled(disabled: EventData<'webhook.endpoint_disabled'>): EndpointDisabledMail | null {
  if (!disabled.contactEmail) return null;
  const language = resolveMailLanguage(disabled.language ?? null);
  const messages = messagesIn(webhookCatalogues, language);
  const since = disabled.failingSince ? `${formatInstant(disabled.failingSince, 'UTC', mailLocales[language])} UTC` : '';
  const content = {
    subject: messages('subject', { url: disabled.url }),
    paragraphs: [messages('body', { url: disabled.url, reason: disabled.reason, since }), messages('after'), messages('closing')],
  };
  return { template: 'webhook.endpoint_disabled', language, to: { name: '', address: disabled.contactEmail }, ...renderMailBody(content, language) };
}
