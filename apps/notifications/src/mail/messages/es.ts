import type { Catalogue } from '../mail-messages.js';
import type { SharedMessage } from './en.js';

export const es: Catalogue<SharedMessage> = {
  greeting: 'Estimado/a {name}:',
  closing: 'Atentamente,\nLa organización de {missionTitle}',
  manage: 'Gestione su inscripción: {link}\nEste enlace es solo para usted: le rogamos que no lo reenvíe.',
  whenHereAndThere: '{atRecipient}, hora de su zona ({timezone})\n{atVenue}, hora local del lugar ({venueTimezone})',
  whenHere: '{atRecipient}, hora de su zona y del lugar ({timezone})',
  venue: 'Lugar: {venue}',
  venueToBeAnnounced: 'Lugar: por confirmar',
  reason: 'Motivo: {reason}',
};
