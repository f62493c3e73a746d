import type { Catalogue } from '../../mail/mail-messages.js';
import type { SessionMessage } from './en.js';

export const de: Catalogue<SessionMessage> = {
  rescheduledSubject: 'Geändert: {sessionTitle} ({missionTitle})',
  rescheduled:
    'Die Sitzung „{sessionTitle}“ von {missionTitle} hat sich geändert. Bitte beachten Sie {moved, select, yes {die neue Uhrzeit und den neuen Ort} other {die neue Uhrzeit}}.',
  now: 'Neu:\n{whenAndWhere}',
  before: 'Bisher:\n{whenAndWhere}',
  cancelledSubject: 'Abgesagt: {sessionTitle} ({missionTitle})',
  cancelled: 'Die Sitzung „{sessionTitle}“ von {missionTitle} wurde abgesagt. Sie war geplant für:',
};
