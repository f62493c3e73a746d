import type { Catalogue } from '../../mail/mail-messages.js';
import type { RegistrationMessage } from './en.js';

export const ca: Catalogue<RegistrationMessage> = {
  mission: '{missionTitle} ({missionCode}, {missionDates})',
  whenHere: '{atRecipient}, hora de la seva zona ({timezone})',
  whenHereAndThere: '{atRecipient}, hora de la seva zona ({timezone}); {atMission} a la missió ({missionTimezone})',
  confirmedSubject: 'La seva inscripció a {missionTitle} està confirmada',
  confirmed: 'La seva inscripció a {mission} està confirmada. Esperem amb il·lusió la seva visita.',
  confirmedOn: 'Data de confirmació: {when}.',
  approvedSubject: 'La seva inscripció a {missionTitle} ha estat aprovada',
  approved: 'L’organització ha aprovat la seva inscripció a {mission}: la seva plaça està confirmada.',
  approvedOn: 'Data d’aprovació: {when}.',
  promotedSubject: 'S’ha alliberat una plaça: la seva inscripció a {missionTitle} està confirmada',
  promoted: 'S’ha alliberat una plaça i vostè ha sortit de la llista d’espera: la seva inscripció a {mission} ja està confirmada.',
  promotedOn: 'Data de confirmació: {when}.',
  waitlistedSubject: 'És a la llista d’espera de {missionTitle}',
  waitlisted:
    '{mission} no té places disponibles en aquest moment, per la qual cosa vostè és a la llista d’espera{position, plural, =0 {.} other {, en la posició #.}} Li escriurem tan aviat com quedi una plaça lliure.',
  waitlistedOn: 'Data d’inscripció: {when}.',
  pending_approvalSubject: 'Hem rebut la seva inscripció a {missionTitle}',
  pending_approval: 'Hem rebut la seva inscripció a {mission}. L’organització la revisarà i li escriurem quan s’hagi pres una decisió.',
  pending_approvalOn: 'Data de recepció: {when}.',
  rejectedSubject: 'La seva inscripció a {missionTitle}',
  rejected: 'Ho sentim: la seva inscripció a {mission} no s’ha pogut acceptar.',
  rejectedOn: 'Data de la decisió: {when}.',
  cancelledSubject: 'La seva inscripció a {missionTitle} ha estat cancel·lada',
  cancelled: 'La seva inscripció a {mission} ha estat cancel·lada.',
  cancelledOn: 'Data de cancel·lació: {when}.',
};
