/** A one-to-one meeting requested, accepted or declined. */
export const en = {
  someone: 'A participant',
  withDetails: '{name} ({details})',
  requestedSubject: '{who} would like to meet you at {missionTitle}',
  requested: '{who} would like to meet you for a one-to-one meeting during {missionTitle}.',
  theirMessage: 'Their message: “{message}”',
  yourMessage: 'Your message: “{message}”',
  requestedNext: 'Please accept or decline the request in mission-hub. Accepted meetings are given a time and a table by the matchmaking timetable.',
  acceptedSubject: '{who} has accepted your meeting request',
  accepted: '{who} has accepted your request for a one-to-one meeting during {missionTitle}.',
  acceptedNext: 'You will be told the time and the table once the matchmaking timetable is made.',
  declinedSubject: '{who} has declined your meeting request',
  declined: '{who} has declined your request for a one-to-one meeting during {missionTitle}.',
};
export type MeetingMessage = keyof typeof en;
