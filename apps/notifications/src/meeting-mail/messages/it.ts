import type { Catalogue } from '../../mail/mail-messages.js';
import type { MeetingMessage } from './en.js';

export const it: Catalogue<MeetingMessage> = {
  someone: 'Un partecipante',
  withDetails: '{name} ({details})',
  requestedSubject: '{who} desidera incontrarLa a {missionTitle}',
  requested: '{who} desidera fissare con Lei un incontro individuale durante {missionTitle}.',
  theirMessage: 'Messaggio dell’altra persona: «{message}»',
  yourMessage: 'Il Suo messaggio: «{message}»',
  requestedNext:
    'La preghiamo di accettare o rifiutare la richiesta in mission-hub. Agli incontri accettati vengono assegnati un orario e un tavolo nel calendario degli incontri.',
  acceptedSubject: '{who} ha accettato la Sua richiesta di incontro',
  accepted: '{who} ha accettato la Sua richiesta di un incontro individuale durante {missionTitle}.',
  acceptedNext: 'Le comunicheremo l’orario e il tavolo non appena il calendario degli incontri sarà pronto.',
  declinedSubject: '{who} ha rifiutato la Sua richiesta di incontro',
  declined: '{who} ha rifiutato la Sua richiesta di un incontro individuale durante {missionTitle}.',
};
