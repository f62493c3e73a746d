import type { Catalogue } from '../../mail/mail-messages.js';
import type { EnrolmentMessage } from './en.js';

export const it: Catalogue<EnrolmentMessage> = {
  confirmedSubject: 'Il Suo posto è confermato: {sessionTitle} ({missionTitle})',
  confirmed: 'Ha un posto a «{sessionTitle}» di {missionTitle}:',
  promotedSubject: 'Si è liberato un posto: il Suo posto per {sessionTitle} ({missionTitle}) è confermato',
  promoted: 'Si è liberato un posto a «{sessionTitle}» di {missionTitle}: la Sua iscrizione, finora in lista d’attesa, è confermata e il posto è Suo.',
  waitlistedSubject: 'È in lista d’attesa: {sessionTitle} ({missionTitle})',
  waitlisted:
    '«{sessionTitle}» di {missionTitle} è al completo, pertanto Lei è in lista d’attesa{position, plural, =0 {.} other {, in posizione #.}} Le scriveremo non appena si libererà un posto per Lei.',
  cancelledSubject: 'Iscrizione annullata: {sessionTitle} ({missionTitle})',
  cancelled:
    '{previousStatus, select, waitlisted {Il Suo posto in lista d’attesa per «{sessionTitle}» di {missionTitle} è stato annullato.} other {La Sua iscrizione a «{sessionTitle}» di {missionTitle} è stata annullata: il posto non è più riservato a Lei.}}',
};
