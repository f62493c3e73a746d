import type { Catalogue } from '../../mail/mail-messages.js';
import type { RegistrationMessage } from './en.js';

export const it: Catalogue<RegistrationMessage> = {
  mission: '{missionTitle} ({missionCode}, {missionDates})',
  whenHere: '{atRecipient}, ora del Suo fuso orario ({timezone})',
  whenHereAndThere: '{atRecipient}, ora del Suo fuso orario ({timezone}); {atMission} presso la missione ({missionTimezone})',
  confirmedSubject: 'La Sua iscrizione a {missionTitle} è confermata',
  confirmed: 'La Sua iscrizione a {mission} è confermata. Saremo lieti di accoglierLa.',
  confirmedOn: 'Data di conferma: {when}.',
  approvedSubject: 'La Sua iscrizione a {missionTitle} è stata approvata',
  approved: 'Gli organizzatori hanno approvato la Sua iscrizione a {mission}: il Suo posto è confermato.',
  approvedOn: 'Data di approvazione: {when}.',
  promotedSubject: 'Si è liberato un posto: la Sua iscrizione a {missionTitle} è confermata',
  promoted: 'Si è liberato un posto e la Sua iscrizione a {mission}, finora in lista d’attesa, è ora confermata.',
  promotedOn: 'Data di conferma: {when}.',
  waitlistedSubject: 'È in lista d’attesa per {missionTitle}',
  waitlisted:
    'Al momento non ci sono posti disponibili per {mission}, pertanto Lei è in lista d’attesa{position, plural, =0 {.} other {, in posizione #.}} Le scriveremo non appena si libererà un posto.',
  waitlistedOn: 'Data di iscrizione: {when}.',
  pending_approvalSubject: 'Abbiamo ricevuto la Sua iscrizione a {missionTitle}',
  pending_approval:
    'Abbiamo ricevuto la Sua iscrizione a {mission}. Gli organizzatori la esamineranno e Le scriveremo non appena sarà stata presa una decisione.',
  pending_approvalOn: 'Data di ricezione: {when}.',
  rejectedSubject: 'La Sua iscrizione a {missionTitle}',
  rejected: 'Siamo spiacenti: non è stato possibile accettare la Sua iscrizione a {mission}.',
  rejectedOn: 'Data della decisione: {when}.',
  cancelledSubject: 'La Sua iscrizione a {missionTitle} è stata annullata',
  cancelled: 'La Sua iscrizione a {mission} è stata annullata.',
  cancelledOn: 'Data di annullamento: {when}.',
};
