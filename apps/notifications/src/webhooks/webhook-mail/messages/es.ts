import type { Catalogue } from '../../../mail/mail-messages.js';
import type { WebhookMessage } from './en.js';

export const es: Catalogue<WebhookMessage> = {
  subject: 'Endpoint de webhook desactivado: {url}',
  body: 'mission-hub ha dejado de enviar eventos al endpoint de webhook {url}: {reason, select, gone {respondió 410 Gone, que pide darse de baja} other {todos los intentos de alcanzarlo han fallado desde {since}}}.',
  after:
    'Los envíos que aún esperaban se han marcado como fallidos. Cuando el endpoint vuelva a funcionar, actívelo en la consola (Webhooks) y reenvíe lo que necesite.',
  closing: 'Atentamente,\nmission-hub',
};
