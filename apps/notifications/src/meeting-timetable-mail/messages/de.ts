import type { Catalogue } from '../../mail/mail-messages.js';
import type { TimetableMessage } from './en.js';

export const de: Catalogue<TimetableMessage> = {
  firstSubject: 'Ihr Gesprächsplan für {missionTitle}',
  first: 'Hier ist Ihr Plan der Einzelgespräche.',
  changedSubject: 'Änderungen an Ihren Gesprächen bei {missionTitle}',
  changed: 'Ihr Gesprächsplan hat sich geändert:',
  none: 'Derzeit sind für Sie keine Gespräche geplant.',
  heading: 'Ihre Gespräche (Zeiten in {timezone}):',
  line: '{index}. {meeting}',
  atHereAndThere: '{when} ({venueWhen} in {city})',
  someone: 'einer teilnehmenden Person',
  describe: '{at}\nmit {counterpart}\n{table}',
  table: 'Tisch {table}',
  tableAt: 'Tisch {table}, {venue}',
  scheduled: 'Neu: {meeting}',
  moved: 'Verschoben: Das Gespräch mit {counterpart} findet jetzt am {at} statt, Tisch {table}; bisher am {previousAt}, Tisch {previousTable}.',
  movedFromUnknown: 'Verschoben: Das Gespräch mit {counterpart} findet jetzt am {at} statt, Tisch {table}; bisher war es anders geplant.',
  cancelled: 'Abgesagt: Das Gespräch mit {counterpart} am {at} findet nicht statt.',
};
