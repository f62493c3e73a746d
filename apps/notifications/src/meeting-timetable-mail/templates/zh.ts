import type { TimetableLine, TimetableMailView, TimetableTemplates } from './template.js';

const with_ = (line: TimetableLine) => line.counterpart ?? '一位参会者';
const describe = (line: TimetableLine) =>
  [
    `${line.when}${line.venueWhen ? `（${line.venueWhen.city}时间 ${line.venueWhen.when}）` : ''}`,
    `会谈对象：${with_(line)}`,
    `${line.table}号桌${line.venue ? `，${line.venue}` : ''}`,
  ].join('\n');
const timetable = (view: TimetableMailView) =>
  view.meetings.length === 0
    ? ['您目前没有已安排的会谈。']
    : [`您的会谈（${view.timezone}时间）：`, ...view.meetings.map((line, index) => `${index + 1}. ${describe(line)}`)];
const closing = (view: TimetableMailView) => [`祝好！\n${view.missionTitle}组织方`];
const change = ({ change, meeting, previous }: TimetableMailView['changes'][number]) => {
  if (change === 'scheduled') return `新增：${describe(meeting)}`;
  if (change === 'moved') return `调整：与${with_(meeting)}的会谈改为${meeting.when}，${meeting.table}号桌（原为${previous?.when}，${previous?.table}号桌）。`;
  return `取消：与${with_(meeting)}原定于${meeting.when}的会谈取消。`;
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
