import type { Catalogue } from '../mail-messages.js';
import type { SharedMessage } from './en.js';

export const it: Catalogue<SharedMessage> = {
  greeting: 'Gentile {name},',
  closing: 'Cordiali saluti,\nGli organizzatori di {missionTitle}',
  manage: 'Gestisca la Sua iscrizione: {link}\nQuesto link è riservato a Lei: La preghiamo di non inoltrarlo.',
  whenHereAndThere: '{atRecipient}, ora del Suo fuso orario ({timezone})\n{atVenue}, ora locale della sede ({venueTimezone})',
  whenHere: '{atRecipient}, ora del Suo fuso orario e della sede ({timezone})',
  venue: 'Sede: {venue}',
  venueToBeAnnounced: 'Sede: da definire',
  reason: 'Motivo: {reason}',
};
