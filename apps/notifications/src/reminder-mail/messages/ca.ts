import type { Catalogue } from '../../mail/mail-messages.js';
import type { ReminderMessage } from './en.js';

export const ca: Catalogue<ReminderMessage> = {
  sessionSubject: 'Recordatori: {sessionTitle} ({missionTitle})',
  session: 'Li recordem «{sessionTitle}» de {missionTitle}, {role, select, speaker {on vostè hi intervé} other {on té una plaça}}:',
  meetingSubject: 'Recordatori: la seva reunió B2B a la taula {table} ({missionTitle})',
  meeting: 'Li recordem la seva reunió B2B a la taula {table} de {missionTitle}:',
  meetingWith: 'Amb: {counterparts}',
  closingSubject: 'La inscripció a {missionTitle} es tanca el {closesAt}',
  closing:
    '{status, select, waitlisted {Vostè és a la llista d’espera de {missionTitle}.} other {La seva inscripció a {missionTitle} està pendent de l’aprovació dels organitzadors.}} La inscripció es tanca el {closesAt} (la seva hora, {timezone}). No ha de fer res: li escriurem tan aviat com es decideixi la seva plaça.',
};
