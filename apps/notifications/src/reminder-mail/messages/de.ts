import type { Catalogue } from '../../mail/mail-messages.js';
import type { ReminderMessage } from './en.js';

export const de: Catalogue<ReminderMessage> = {
  sessionSubject: 'Erinnerung: {sessionTitle} ({missionTitle})',
  session: 'Wir erinnern Sie an „{sessionTitle}“ von {missionTitle}, {role, select, speaker {wo Sie sprechen} other {wo Sie einen Platz haben}}:',
  meetingSubject: 'Erinnerung: Ihr B2B-Gespräch an Tisch {table} ({missionTitle})',
  meeting: 'Wir erinnern Sie an Ihr B2B-Gespräch an Tisch {table} von {missionTitle}:',
  meetingWith: 'Mit: {counterparts}',
  closingSubject: 'Die Anmeldung zu {missionTitle} endet am {closesAt}',
  closing:
    '{status, select, waitlisted {Sie stehen auf der Warteliste von {missionTitle}.} other {Ihre Anmeldung zu {missionTitle} wartet auf die Freigabe der Organisatoren.}} Die Anmeldung endet am {closesAt} (Ihre Zeit, {timezone}). Sie müssen nichts tun: Wir schreiben Ihnen, sobald über Ihren Platz entschieden ist.',
};
