import type { TimetableLine, TimetableMailView, TimetableTemplates } from './template.js';

const with_ = (line: TimetableLine) => line.counterpart ?? 'a participant';
/** In the participant's zone, and the venue's where its clock differs: every time a timetable mail gives. */
const at = (line: TimetableLine) => `${line.when}${line.venueWhen ? ` (${line.venueWhen.when} in ${line.venueWhen.city})` : ''}`;
const describe = (line: TimetableLine) => [at(line), `with ${with_(line)}`, `table ${line.table}${line.venue ? `, ${line.venue}` : ''}`].join('\n');
const timetable = (view: TimetableMailView) =>
  view.meetings.length === 0
    ? ['You have no meetings scheduled at present.']
    : [`Your meetings (times in ${view.timezone}):`, ...view.meetings.map((line, index) => `${index + 1}. ${describe(line)}`)];
const closing = (view: TimetableMailView) => [`Kind regards,\nThe organisers of ${view.missionTitle}`];
const change = ({ change, meeting, previous }: TimetableMailView['changes'][number]) => {
  if (change === 'scheduled') return `New: ${describe(meeting)}`;
  if (change === 'moved')
    return `Moved: the meeting with ${with_(meeting)} is now ${at(meeting)}, table ${meeting.table}; it was ${previous ? `${at(previous)}, table ${previous.table}` : 'elsewhere'}.`;
  return `Cancelled: the meeting with ${with_(meeting)} on ${at(meeting)} will not take place.`;
};

export const en: TimetableTemplates = {
  locale: 'en-GB',
  first: (view) => ({
    subject: `Your meeting timetable for ${view.missionTitle}`,
    paragraphs: [`Dear ${view.name},`, 'Here is your timetable of one-to-one meetings.', ...timetable(view), ...closing(view)],
  }),
  changed: (view) => ({
    subject: `Changes to your meetings at ${view.missionTitle}`,
    paragraphs: [`Dear ${view.name},`, 'Your meeting timetable has changed:', ...view.changes.map(change), ...timetable(view), ...closing(view)],
  }),
};
