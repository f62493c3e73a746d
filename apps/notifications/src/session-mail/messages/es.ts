import type { Catalogue } from '../../mail/mail-messages.js';
import type { SessionMessage } from './en.js';

export const es: Catalogue<SessionMessage> = {
  rescheduledSubject: 'Cambio: {sessionTitle} ({missionTitle})',
  rescheduled:
    'La sesión «{sessionTitle}» de {missionTitle} ha cambiado. Tenga en cuenta {moved, select, yes {la nueva hora y el nuevo lugar} other {la nueva hora}}.',
  now: 'Ahora:\n{whenAndWhere}',
  before: 'Antes:\n{whenAndWhere}',
  cancelledSubject: 'Cancelada: {sessionTitle} ({missionTitle})',
  cancelled: 'La sesión «{sessionTitle}» de {missionTitle} ha sido cancelada. Estaba prevista para:',
};
