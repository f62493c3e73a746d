/** A participant's place in a session: confirmed, promoted from the waiting list, waitlisted, cancelled. */
export const en = {
  confirmedSubject: 'Your seat is confirmed: {sessionTitle} ({missionTitle})',
  confirmed: 'You have a seat at “{sessionTitle}” of {missionTitle}:',
  promotedSubject: 'A seat is free: you are confirmed for {sessionTitle} ({missionTitle})',
  promoted: 'A seat has come free at “{sessionTitle}” of {missionTitle}: you have moved up from the waiting list, and the seat is yours.',
  waitlistedSubject: 'You are on the waiting list: {sessionTitle} ({missionTitle})',
  waitlisted:
    '“{sessionTitle}” of {missionTitle} is full, so you are on its waiting list{position, plural, =0 {.} other { at position #.}} We will e-mail you as soon as a seat comes free for you.',
  cancelledSubject: 'Enrolment cancelled: {sessionTitle} ({missionTitle})',
  cancelled:
    '{previousStatus, select, waitlisted {Your place on the waiting list for “{sessionTitle}” of {missionTitle} has been cancelled.} other {Your enrolment in “{sessionTitle}” of {missionTitle} has been cancelled: the seat is no longer held for you.}}',
};
export type EnrolmentMessage = keyof typeof en;
