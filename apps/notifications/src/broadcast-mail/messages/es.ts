import type { Catalogue } from '../../mail/mail-messages.js';
import type { BroadcastMessage } from './en.js';

export const es: Catalogue<BroadcastMessage> = {
  subject: '{subject} ({missionTitle})',
  intro: 'Un mensaje de la organización de {missionTitle}:',
  onYourPage: 'También encontrará este mensaje en su página, junto con los demás que le ha enviado la organización.',
};
