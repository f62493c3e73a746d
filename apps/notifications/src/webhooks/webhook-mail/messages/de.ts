import type { Catalogue } from '../../../mail/mail-messages.js';
import type { WebhookMessage } from './en.js';

export const de: Catalogue<WebhookMessage> = {
  subject: 'Webhook-Endpunkt deaktiviert: {url}',
  body: 'mission-hub sendet keine Ereignisse mehr an den Webhook-Endpunkt {url}: {reason, select, gone {er antwortete 410 Gone, womit er um Abmeldung bittet} other {jeder Versuch, ihn zu erreichen, ist seit {since} fehlgeschlagen}}.',
  after:
    'Zustellungen, die noch warteten, sind als fehlgeschlagen markiert. Sobald der Endpunkt wieder funktioniert, aktivieren Sie ihn in der Konsole (Webhooks) und stellen Sie erneut zu, was Sie brauchen.',
  closing: 'Mit freundlichen Grüßen\nmission-hub',
};
