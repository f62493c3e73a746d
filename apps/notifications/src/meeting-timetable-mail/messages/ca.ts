import type { Catalogue } from '../../mail/mail-messages.js';
import type { TimetableMessage } from './en.js';

export const ca: Catalogue<TimetableMessage> = {
  firstSubject: 'El seu calendari de reunions per a {missionTitle}',
  first: 'Aquest és el seu calendari de reunions individuals.',
  changedSubject: 'Canvis en les seves reunions de {missionTitle}',
  changed: 'El seu calendari de reunions ha canviat:',
  none: 'De moment no té cap reunió programada.',
  heading: 'Les seves reunions (hores en {timezone}):',
  line: '{index}. {meeting}',
  atHereAndThere: '{when} ({venueWhen} a {city})',
  someone: 'un participant',
  describe: '{at}\namb {counterpart}\n{table}',
  table: 'taula {table}',
  tableAt: 'taula {table}, {venue}',
  scheduled: 'Nova: {meeting}',
  moved: 'Canviada: la reunió amb {counterpart} és ara el {at}, taula {table}; abans era el {previousAt}, taula {previousTable}.',
  movedFromUnknown: 'Canviada: la reunió amb {counterpart} és ara el {at}, taula {table}; abans estava prevista en un altre moment o lloc.',
  cancelled: 'Cancel·lada: la reunió amb {counterpart} del {at} no tindrà lloc.',
};
