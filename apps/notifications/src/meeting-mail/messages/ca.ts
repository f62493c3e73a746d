import type { Catalogue } from '../../mail/mail-messages.js';
import type { MeetingMessage } from './en.js';

export const ca: Catalogue<MeetingMessage> = {
  someone: 'Un participant',
  withDetails: '{name} ({details})',
  requestedSubject: '{who} vol reunir-se amb vostè a {missionTitle}',
  requested: '{who} vol mantenir una reunió individual amb vostè durant {missionTitle}.',
  theirMessage: 'Missatge de l’altra persona: «{message}»',
  yourMessage: 'El seu missatge: «{message}»',
  requestedNext: 'Accepti o rebutgi la sol·licitud a mission-hub. A les reunions acceptades se’ls assigna una hora i una taula al calendari de reunions.',
  acceptedSubject: '{who} ha acceptat la seva sol·licitud de reunió',
  accepted: '{who} ha acceptat la seva sol·licitud d’una reunió individual durant {missionTitle}.',
  acceptedNext: 'Li comunicarem l’hora i la taula quan s’hagi elaborat el calendari de reunions.',
  declinedSubject: '{who} ha rebutjat la seva sol·licitud de reunió',
  declined: '{who} ha rebutjat la seva sol·licitud d’una reunió individual durant {missionTitle}.',
};
