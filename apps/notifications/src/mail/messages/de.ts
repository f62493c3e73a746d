import type { Catalogue } from '../mail-messages.js';
import type { SharedMessage } from './en.js';

export const de: Catalogue<SharedMessage> = {
  greeting: 'Guten Tag {name},',
  closing: 'Mit freundlichen Grüßen\nDas Organisationsteam von {missionTitle}',
  manage: 'Ihre Anmeldung verwalten: {link}\nDieser Link ist nur für Sie bestimmt: Bitte leiten Sie ihn nicht weiter.',
  whenHereAndThere: '{atRecipient} Ihre Zeit ({timezone})\n{atVenue} Ortszeit am Veranstaltungsort ({venueTimezone})',
  whenHere: '{atRecipient} Ihre Zeit und am Veranstaltungsort ({timezone})',
  venue: 'Ort: {venue}',
  venueToBeAnnounced: 'Ort: wird noch bekannt gegeben',
  reason: 'Grund: {reason}',
};
