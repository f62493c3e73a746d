import type { Catalogue } from '../../../mail/mail-messages.js';
import type { WebhookMessage } from './en.js';

export const ca: Catalogue<WebhookMessage> = {
  subject: 'Endpoint de webhook desactivat: {url}',
  body: 'mission-hub ha deixat d’enviar esdeveniments a l’endpoint de webhook {url}: {reason, select, gone {va respondre 410 Gone, que demana donar-se de baixa} other {tots els intents d’arribar-hi han fallat des de {since}}}.',
  after:
    'Els enviaments que encara esperaven s’han marcat com a fallits. Quan l’endpoint torni a funcionar, activeu-lo a la consola (Webhooks) i torneu a enviar el que necessiteu.',
  closing: 'Salutacions cordials,\nmission-hub',
};
