import type { Catalogue } from '../../mail/mail-messages.js';
import type { MeetingMessage } from './en.js';

export const es: Catalogue<MeetingMessage> = {
  someone: 'Un participante',
  withDetails: '{name} ({details})',
  requestedSubject: '{who} desea reunirse con usted en {missionTitle}',
  requested: '{who} desea mantener una reunión individual con usted durante {missionTitle}.',
  theirMessage: 'Mensaje de la otra persona: «{message}»',
  yourMessage: 'Su mensaje: «{message}»',
  requestedNext: 'Acepte o rechace la solicitud en mission-hub. A las reuniones aceptadas se les asigna una hora y una mesa en el calendario de reuniones.',
  acceptedSubject: '{who} ha aceptado su solicitud de reunión',
  accepted: '{who} ha aceptado su solicitud de una reunión individual durante {missionTitle}.',
  acceptedNext: 'Le comunicaremos la hora y la mesa en cuanto se elabore el calendario de reuniones.',
  declinedSubject: '{who} ha rechazado su solicitud de reunión',
  declined: '{who} ha rechazado su solicitud de una reunión individual durante {missionTitle}.',
};
