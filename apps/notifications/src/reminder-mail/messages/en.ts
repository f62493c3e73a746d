/** Reminders: a session or a meeting soon, a registration still waiting when registration closes. */
export const en = {
  sessionSubject: 'Reminder: {sessionTitle} ({missionTitle})',
  session: 'A reminder of “{sessionTitle}” of {missionTitle}, {role, select, speaker {where you are speaking} other {where you have a seat}}:',
  meetingSubject: 'Reminder: your B2B meeting at table {table} ({missionTitle})',
  meeting: 'A reminder of your B2B meeting at table {table} of {missionTitle}:',
  meetingWith: 'With: {counterparts}',
  closingSubject: 'Registration for {missionTitle} closes on {closesAt}',
  closing:
    '{status, select, waitlisted {You are on the waiting list for {missionTitle}.} other {Your registration for {missionTitle} is waiting for the organisers’ approval.}} Registration closes on {closesAt} (your time, {timezone}). You need do nothing: we will e-mail you as soon as your place is decided.',
};
export type ReminderMessage = keyof typeof en;
