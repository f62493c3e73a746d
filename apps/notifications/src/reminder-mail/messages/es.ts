import type { Catalogue } from '../../mail/mail-messages.js';
import type { ReminderMessage } from './en.js';

export const es: Catalogue<ReminderMessage> = {
  sessionSubject: 'Recordatorio: {sessionTitle} ({missionTitle})',
  session: 'Le recordamos «{sessionTitle}» de {missionTitle}, {role, select, speaker {donde usted interviene} other {donde tiene una plaza}}:',
  meetingSubject: 'Recordatorio: su reunión B2B en la mesa {table} ({missionTitle})',
  meeting: 'Le recordamos su reunión B2B en la mesa {table} de {missionTitle}:',
  meetingWith: 'Con: {counterparts}',
  closingSubject: 'La inscripción en {missionTitle} se cierra el {closesAt}',
  closing:
    '{status, select, waitlisted {Usted está en la lista de espera de {missionTitle}.} other {Su inscripción en {missionTitle} está pendiente de la aprobación de los organizadores.}} La inscripción se cierra el {closesAt} (su hora, {timezone}). No tiene que hacer nada: le escribiremos en cuanto se decida su plaza.',
};
