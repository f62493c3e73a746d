import type { Catalogue } from '../../mail/mail-messages.js';
import type { EnrolmentMessage } from './en.js';

export const ca: Catalogue<EnrolmentMessage> = {
  confirmedSubject: 'La seva plaça està confirmada: {sessionTitle} ({missionTitle})',
  confirmed: 'Té una plaça a «{sessionTitle}» de {missionTitle}:',
  promotedSubject: 'S’ha alliberat una plaça: la seva plaça a {sessionTitle} ({missionTitle}) està confirmada',
  promoted: 'S’ha alliberat una plaça a «{sessionTitle}» de {missionTitle}: ha sortit de la llista d’espera i la plaça és seva.',
  waitlistedSubject: 'És a la llista d’espera: {sessionTitle} ({missionTitle})',
  waitlisted:
    '«{sessionTitle}» de {missionTitle} és plena, per la qual cosa vostè és a la llista d’espera{position, plural, =0 {.} other {, en la posició #.}} Li escriurem tan aviat com quedi una plaça lliure per a vostè.',
  cancelledSubject: 'Inscripció cancel·lada: {sessionTitle} ({missionTitle})',
  cancelled:
    '{previousStatus, select, waitlisted {S’ha cancel·lat el seu lloc a la llista d’espera de «{sessionTitle}» de {missionTitle}.} other {S’ha cancel·lat la seva inscripció a «{sessionTitle}» de {missionTitle}: la plaça ja no està reservada per a vostè.}}',
};
