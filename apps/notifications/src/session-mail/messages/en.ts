/** A session moved or was cancelled. */
export const en = {
  rescheduledSubject: 'Changed: {sessionTitle} ({missionTitle})',
  rescheduled: 'The session “{sessionTitle}” of {missionTitle} has changed. Please note the new {moved, select, yes {time and venue} other {time}}.',
  now: 'Now:\n{whenAndWhere}',
  before: 'Before:\n{whenAndWhere}',
  cancelledSubject: 'Cancelled: {sessionTitle} ({missionTitle})',
  cancelled: 'The session “{sessionTitle}” of {missionTitle} has been cancelled. It was planned for:',
};
export type SessionMessage = keyof typeof en;
