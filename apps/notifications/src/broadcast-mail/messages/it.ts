import type { Catalogue } from '../../mail/mail-messages.js';
import type { BroadcastMessage } from './en.js';

export const it: Catalogue<BroadcastMessage> = {
  subject: '{subject} ({missionTitle})',
  intro: 'Un messaggio degli organizzatori di {missionTitle}:',
  onYourPage: 'Troverà questo messaggio anche nella Sua pagina, insieme agli altri che gli organizzatori Le hanno inviato.',
};
