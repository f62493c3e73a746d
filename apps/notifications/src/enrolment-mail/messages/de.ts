import type { Catalogue } from '../../mail/mail-messages.js';
import type { EnrolmentMessage } from './en.js';

export const de: Catalogue<EnrolmentMessage> = {
  confirmedSubject: 'Ihr Platz ist bestätigt: {sessionTitle} ({missionTitle})',
  confirmed: 'Sie haben einen Platz bei „{sessionTitle}“ von {missionTitle}:',
  promotedSubject: 'Ein Platz ist frei geworden: Sie sind bestätigt für {sessionTitle} ({missionTitle})',
  promoted: 'Bei „{sessionTitle}“ von {missionTitle} ist ein Platz frei geworden: Sie sind von der Warteliste nachgerückt, und der Platz gehört Ihnen.',
  waitlistedSubject: 'Sie stehen auf der Warteliste: {sessionTitle} ({missionTitle})',
  waitlisted:
    '„{sessionTitle}“ von {missionTitle} ist ausgebucht, daher stehen Sie auf der Warteliste{position, plural, =0 {.} other {, auf Platz #.}} Wir schreiben Ihnen, sobald ein Platz für Sie frei wird.',
  cancelledSubject: 'Anmeldung storniert: {sessionTitle} ({missionTitle})',
  cancelled:
    '{previousStatus, select, waitlisted {Ihr Platz auf der Warteliste für „{sessionTitle}“ von {missionTitle} wurde storniert.} other {Ihre Anmeldung zu „{sessionTitle}“ von {missionTitle} wurde storniert: Der Platz ist nicht mehr für Sie reserviert.}}',
};
