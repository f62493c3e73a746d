import type { Catalogue } from '../../mail/mail-messages.js';
import type { EnrolmentMessage } from './en.js';

export const es: Catalogue<EnrolmentMessage> = {
  confirmedSubject: 'Su plaza está confirmada: {sessionTitle} ({missionTitle})',
  confirmed: 'Tiene una plaza en «{sessionTitle}» de {missionTitle}:',
  promotedSubject: 'Se ha liberado una plaza: su plaza en {sessionTitle} ({missionTitle}) está confirmada',
  promoted: 'Se ha liberado una plaza en «{sessionTitle}» de {missionTitle}: ha pasado de la lista de espera y la plaza es suya.',
  waitlistedSubject: 'Está en la lista de espera: {sessionTitle} ({missionTitle})',
  waitlisted:
    '«{sessionTitle}» de {missionTitle} está completa, por lo que usted está en su lista de espera{position, plural, =0 {.} other {, en el puesto #.}} Le escribiremos en cuanto quede una plaza libre para usted.',
  cancelledSubject: 'Inscripción cancelada: {sessionTitle} ({missionTitle})',
  cancelled:
    '{previousStatus, select, waitlisted {Se ha cancelado su puesto en la lista de espera de «{sessionTitle}» de {missionTitle}.} other {Se ha cancelado su inscripción en «{sessionTitle}» de {missionTitle}: la plaza ya no está reservada para usted.}}',
};
