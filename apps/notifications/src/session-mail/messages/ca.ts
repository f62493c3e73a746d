import type { Catalogue } from '../../mail/mail-messages.js';
import type { SessionMessage } from './en.js';

export const ca: Catalogue<SessionMessage> = {
  rescheduledSubject: 'Canvi: {sessionTitle} ({missionTitle})',
  rescheduled:
    'La sessió «{sessionTitle}» de {missionTitle} ha canviat. Tingui en compte {moved, select, yes {la nova hora i el nou lloc} other {la nova hora}}.',
  now: 'Ara:\n{whenAndWhere}',
  before: 'Abans:\n{whenAndWhere}',
  cancelledSubject: 'Cancel·lada: {sessionTitle} ({missionTitle})',
  cancelled: 'La sessió «{sessionTitle}» de {missionTitle} s’ha cancel·lat. Estava prevista per a:',
};
