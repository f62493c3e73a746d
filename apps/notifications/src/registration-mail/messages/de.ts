import type { Catalogue } from '../../mail/mail-messages.js';
import type { RegistrationMessage } from './en.js';

export const de: Catalogue<RegistrationMessage> = {
  mission: '{missionTitle} ({missionCode}, {missionDates})',
  whenHere: '{atRecipient} Ihre Zeit ({timezone})',
  whenHereAndThere: '{atRecipient} Ihre Zeit ({timezone}); {atMission} am Ort der Mission ({missionTimezone})',
  confirmedSubject: 'Ihre Anmeldung für {missionTitle} ist bestätigt',
  confirmed: 'Ihre Anmeldung für {mission} ist bestätigt. Wir freuen uns auf Ihren Besuch.',
  confirmedOn: 'Bestätigt am {when}.',
  approvedSubject: 'Ihre Anmeldung für {missionTitle} wurde genehmigt',
  approved: 'Das Organisationsteam hat Ihre Anmeldung für {mission} genehmigt: Ihr Platz ist bestätigt.',
  approvedOn: 'Genehmigt am {when}.',
  promotedSubject: 'Ein Platz ist frei geworden: Ihre Anmeldung für {missionTitle} ist bestätigt',
  promoted: 'Ein Platz ist frei geworden, und Sie sind von der Warteliste nachgerückt: Ihre Anmeldung für {mission} ist nun bestätigt.',
  promotedOn: 'Bestätigt am {when}.',
  waitlistedSubject: 'Sie stehen auf der Warteliste für {missionTitle}',
  waitlisted:
    '{mission} ist derzeit ausgebucht, daher stehen Sie auf der Warteliste{position, plural, =0 {.} other {, auf Platz #.}} Wir schreiben Ihnen, sobald ein Platz frei wird.',
  waitlistedOn: 'Angemeldet am {when}.',
  pending_approvalSubject: 'Wir haben Ihre Anmeldung für {missionTitle} erhalten',
  pending_approval:
    'Wir haben Ihre Anmeldung für {mission} erhalten. Das Organisationsteam wird sie prüfen, und wir schreiben Ihnen, sobald darüber entschieden ist.',
  pending_approvalOn: 'Eingegangen am {when}.',
  rejectedSubject: 'Ihre Anmeldung für {missionTitle}',
  rejected: 'Es tut uns leid: Ihre Anmeldung für {mission} konnte nicht angenommen werden.',
  rejectedOn: 'Entschieden am {when}.',
  cancelledSubject: 'Ihre Anmeldung für {missionTitle} wurde storniert',
  cancelled: 'Ihre Anmeldung für {mission} wurde storniert.',
  cancelledOn: 'Storniert am {when}.',
};
