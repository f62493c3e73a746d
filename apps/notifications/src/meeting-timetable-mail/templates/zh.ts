import type { TimetableLine, TimetableMailView, TimetableTemplates } from './template.js';

const with_ = (line: TimetableLine) => line.counterpart ?? '一位参会者';
/** In the participant's zone, and the venue's where its clock differs: every time a timetable mail gives. */
const at = (line: TimetableLine) => `${line.when}${line.venueWhen ? `（${line.venueWhen.city}时间 ${line.venueWhen.when}）` : ''}`;
const describe = (line: TimetableLine) => [at(line), `会谈对象：${with_(line)}`, `${line.table}号桌${line.venue ? `，${line.venue}` : ''}`].join('\n');
const timetable = (view: TimetableMailView) =>
  view.meetings.length === 0
    ? ['您目前没有已安排的会谈。']
    : [`您的会谈（${view.timezone}时间）：`, ...view.meetings.map((line, index) => `${index + 1}. ${describe(line)}`)];
const closing = (view: TimetableMailView) => [`祝好！\n${view.missionTitle}组织方`];
const change = ({ change, meeting, previous }: TimetableMailView['changes'][number]) => {
  if (change === 'scheduled') return `新增：${describe(meeting)}`;
  if (change === 'moved')
    return `调整：与${with_(meeting)}的会谈改为${at(meeting)}，${meeting.table}号桌${previous ? `；原为${at(previous)}，${previous.table}号桌` : ''}。`;
  return `取消：与${with_(meeting)}原定于${at(meeting)}的会谈取消。`;
};

export const zh: TimetableTemplates = {
  locale: 'zh-CN',
  first: (view) => ({
    subject: `您在${view.missionTitle}期间的会谈日程`,
    paragraphs: [`尊敬的${view.name}：`, '以下是您的一对一会谈日程。', ...timetable(view), ...closing(view)],
  }),
  changed: (view) => ({
    subject: `您在${view.missionTitle}期间的会谈有变动`,
    paragraphs: [`尊敬的${view.name}：`, '您的会谈日程有以下变动：', ...view.changes.map(change), ...timetable(view), ...closing(view)],
  }),
};
