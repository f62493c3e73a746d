import type { Catalogue } from '../../mail/mail-messages.js';
import type { RegistrationMessage } from './en.js';

export const es: Catalogue<RegistrationMessage> = {
  mission: '{missionTitle} ({missionCode}, {missionDates})',
  whenHere: '{atRecipient}, hora de su zona ({timezone})',
  whenHereAndThere: '{atRecipient}, hora de su zona ({timezone}); {atMission} en la misión ({missionTimezone})',
  confirmedSubject: 'Su inscripción en {missionTitle} está confirmada',
  confirmed: 'Su inscripción en {mission} está confirmada. Esperamos con interés su visita.',
  confirmedOn: 'Confirmada el {when}.',
  approvedSubject: 'Su inscripción en {missionTitle} ha sido aprobada',
  approved: 'La organización ha aprobado su inscripción en {mission}: su plaza está confirmada.',
  approvedOn: 'Aprobada el {when}.',
  promotedSubject: 'Se ha liberado una plaza: su inscripción en {missionTitle} está confirmada',
  promoted: 'Se ha liberado una plaza y usted ha pasado de la lista de espera: su inscripción en {mission} ya está confirmada.',
  promotedOn: 'Confirmada el {when}.',
  waitlistedSubject: 'Está en la lista de espera de {missionTitle}',
  waitlisted:
    '{mission} no tiene plazas disponibles en este momento, por lo que usted está en la lista de espera{position, plural, =0 {.} other {, en el puesto #.}} Le escribiremos en cuanto quede una plaza libre.',
  waitlistedOn: 'Inscripción recibida el {when}.',
  pending_approvalSubject: 'Hemos recibido su inscripción en {missionTitle}',
  pending_approval: 'Hemos recibido su inscripción en {mission}. La organización la revisará y le escribiremos en cuanto se haya tomado una decisión.',
  pending_approvalOn: 'Recibida el {when}.',
  rejectedSubject: 'Su inscripción en {missionTitle}',
  rejected: 'Lo sentimos: su inscripción en {mission} no ha podido ser aceptada.',
  rejectedOn: 'Decisión tomada el {when}.',
  cancelledSubject: 'Su inscripción en {missionTitle} ha sido cancelada',
  cancelled: 'Su inscripción en {mission} ha sido cancelada.',
  cancelledOn: 'Cancelada el {when}.',
};
