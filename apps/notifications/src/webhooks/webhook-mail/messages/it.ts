import type { Catalogue } from '../../../mail/mail-messages.js';
import type { WebhookMessage } from './en.js';

export const it: Catalogue<WebhookMessage> = {
  subject: 'Endpoint webhook disattivato: {url}',
  body: 'mission-hub ha smesso di inviare eventi all’endpoint webhook {url}: {reason, select, gone {ha risposto 410 Gone, che chiede la cancellazione dell’iscrizione} other {ogni tentativo di raggiungerlo è fallito dal {since}}}.',
  after:
    'Gli invii ancora in attesa sono segnati come falliti. Quando l’endpoint funzionerà di nuovo, riattivatelo nella console (Webhooks) e inviate di nuovo ciò che vi serve.',
  closing: 'Cordiali saluti,\nmission-hub',
};
