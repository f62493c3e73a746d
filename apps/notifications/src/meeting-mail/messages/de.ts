import type { Catalogue } from '../../mail/mail-messages.js';
import type { MeetingMessage } from './en.js';

export const de: Catalogue<MeetingMessage> = {
  someone: 'Eine teilnehmende Person',
  withDetails: '{name} ({details})',
  requestedSubject: '{who} möchte Sie bei {missionTitle} treffen',
  requested: '{who} möchte Sie während {missionTitle} zu einem Einzelgespräch treffen.',
  theirMessage: 'Nachricht der anderen Person: „{message}“',
  yourMessage: 'Ihre Nachricht: „{message}“',
  requestedNext:
    'Bitte nehmen Sie die Anfrage in mission-hub an oder lehnen Sie sie ab. Angenommene Gespräche erhalten im Matchmaking-Zeitplan eine Uhrzeit und einen Tisch.',
  acceptedSubject: '{who} hat Ihre Gesprächsanfrage angenommen',
  accepted: '{who} hat Ihre Anfrage für ein Einzelgespräch während {missionTitle} angenommen.',
  acceptedNext: 'Uhrzeit und Tisch teilen wir Ihnen mit, sobald der Matchmaking-Zeitplan erstellt ist.',
  declinedSubject: '{who} hat Ihre Gesprächsanfrage abgelehnt',
  declined: '{who} hat Ihre Anfrage für ein Einzelgespräch während {missionTitle} abgelehnt.',
};
