import type { Catalogue } from '../../mail/mail-messages.js';
import type { TimetableMessage } from './en.js';

export const es: Catalogue<TimetableMessage> = {
  firstSubject: 'Su calendario de reuniones para {missionTitle}',
  first: 'Este es su calendario de reuniones individuales.',
  changedSubject: 'Cambios en sus reuniones de {missionTitle}',
  changed: 'Su calendario de reuniones ha cambiado:',
  none: 'Por el momento no tiene reuniones programadas.',
  heading: 'Sus reuniones (horas en {timezone}):',
  line: '{index}. {meeting}',
  atHereAndThere: '{when} ({venueWhen} en {city})',
  someone: 'un participante',
  describe: '{at}\ncon {counterpart}\n{table}',
  table: 'mesa {table}',
  tableAt: 'mesa {table}, {venue}',
  scheduled: 'Nueva: {meeting}',
  moved: 'Cambiada: la reunión con {counterpart} es ahora el {at}, mesa {table}; antes era el {previousAt}, mesa {previousTable}.',
  movedFromUnknown: 'Cambiada: la reunión con {counterpart} es ahora el {at}, mesa {table}; antes estaba prevista en otro momento o lugar.',
  cancelled: 'Cancelada: la reunión con {counterpart} del {at} no se celebrará.',
};
