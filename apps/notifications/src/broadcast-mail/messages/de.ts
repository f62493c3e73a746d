import type { Catalogue } from '../../mail/mail-messages.js';
import type { BroadcastMessage } from './en.js';

export const de: Catalogue<BroadcastMessage> = {
  subject: '{subject} ({missionTitle})',
  intro: 'Eine Nachricht der Organisatoren von {missionTitle}:',
  onYourPage: 'Sie finden diese Nachricht auch auf Ihrer Seite, zusammen mit den anderen, die die Organisatoren Ihnen geschickt haben.',
};
