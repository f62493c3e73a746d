import type { Catalogue } from '../mail-messages.js';
import type { SharedMessage } from './en.js';

export const ca: Catalogue<SharedMessage> = {
  greeting: 'Benvolgut/uda {name}:',
  closing: 'Cordialment,\nL’organització de {missionTitle}',
  manage: 'Gestioni la seva inscripció: {link}\nAquest enllaç és només per a vostè: li preguem que no el reenviï.',
  whenHereAndThere: '{atRecipient}, hora de la seva zona ({timezone})\n{atVenue}, hora local del lloc ({venueTimezone})',
  whenHere: '{atRecipient}, hora de la seva zona i del lloc ({timezone})',
  venue: 'Lloc: {venue}',
  venueToBeAnnounced: 'Lloc: per confirmar',
  reason: 'Motiu: {reason}',
};
