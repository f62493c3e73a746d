import type { Catalogue } from '../../mail/mail-messages.js';
import type { TimetableMessage } from './en.js';

export const it: Catalogue<TimetableMessage> = {
  firstSubject: 'Il Suo calendario degli incontri per {missionTitle}',
  first: 'Ecco il Suo calendario degli incontri individuali.',
  changedSubject: 'Modifiche ai Suoi incontri di {missionTitle}',
  changed: 'Il Suo calendario degli incontri è cambiato:',
  none: 'Al momento non ha incontri in programma.',
  heading: 'I Suoi incontri (orari in {timezone}):',
  line: '{index}. {meeting}',
  atHereAndThere: '{when} ({venueWhen} a {city})',
  someone: 'un partecipante',
  describe: '{at}\ncon {counterpart}\n{table}',
  table: 'tavolo {table}',
  tableAt: 'tavolo {table}, {venue}',
  scheduled: 'Nuovo: {meeting}',
  moved: 'Spostato: l’incontro con {counterpart} è ora {at}, tavolo {table}; prima era {previousAt}, tavolo {previousTable}.',
  movedFromUnknown: 'Spostato: l’incontro con {counterpart} è ora {at}, tavolo {table}; in precedenza era previsto in un altro momento o luogo.',
  cancelled: 'Annullato: l’incontro con {counterpart} previsto per {at} non avrà luogo.',
};
