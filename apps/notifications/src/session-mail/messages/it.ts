import type { Catalogue } from '../../mail/mail-messages.js';
import type { SessionMessage } from './en.js';

export const it: Catalogue<SessionMessage> = {
  rescheduledSubject: 'Modifica: {sessionTitle} ({missionTitle})',
  rescheduled:
    'La sessione «{sessionTitle}» di {missionTitle} è stata modificata. La preghiamo di prendere nota {moved, select, yes {del nuovo orario e della nuova sede} other {del nuovo orario}}.',
  now: 'Ora:\n{whenAndWhere}',
  before: 'Prima:\n{whenAndWhere}',
  cancelledSubject: 'Annullata: {sessionTitle} ({missionTitle})',
  cancelled: 'La sessione «{sessionTitle}» di {missionTitle} è stata annullata. Era prevista per:',
};
