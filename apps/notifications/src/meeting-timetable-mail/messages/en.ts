/** A participant’s timetable of one-to-one meetings, first published or changed. */
export const en = {
  firstSubject: 'Your meeting timetable for {missionTitle}',
  first: 'Here is your timetable of one-to-one meetings.',
  changedSubject: 'Changes to your meetings at {missionTitle}',
  changed: 'Your meeting timetable has changed:',
  none: 'You have no meetings scheduled at present.',
  heading: 'Your meetings (times in {timezone}):',
  line: '{index}. {meeting}',
  atHereAndThere: '{when} ({venueWhen} in {city})',
  someone: 'a participant',
  describe: '{at}\nwith {counterpart}\n{table}',
  table: 'table {table}',
  tableAt: 'table {table}, {venue}',
  scheduled: 'New: {meeting}',
  moved: 'Moved: the meeting with {counterpart} is now {at}, table {table}; it was {previousAt}, table {previousTable}.',
  movedFromUnknown: 'Moved: the meeting with {counterpart} is now {at}, table {table}; it was elsewhere.',
  cancelled: 'Cancelled: the meeting with {counterpart} on {at} will not take place.',
};
export type TimetableMessage = keyof typeof en;
