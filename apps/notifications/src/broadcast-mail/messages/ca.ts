import type { Catalogue } from '../../mail/mail-messages.js';
import type { BroadcastMessage } from './en.js';

export const ca: Catalogue<BroadcastMessage> = {
  subject: '{subject} ({missionTitle})',
  intro: 'Un missatge de l’organització de {missionTitle}:',
  onYourPage: 'També trobarà aquest missatge a la seva pàgina, amb els altres que l’organització li ha enviat.',
};
