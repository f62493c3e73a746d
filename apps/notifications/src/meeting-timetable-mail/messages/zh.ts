import type { Catalogue } from '../../mail/mail-messages.js';
import type { TimetableMessage } from './en.js';

export const zh: Catalogue<TimetableMessage> = {
  firstSubject: '您在{missionTitle}期间的会谈日程',
  first: '以下是您的一对一会谈日程。',
  changedSubject: '您在{missionTitle}期间的会谈有变动',
  changed: '您的会谈日程有以下变动：',
  none: '您目前没有已安排的会谈。',
  heading: '您的会谈（{timezone}时间）：',
  line: '{index}. {meeting}',
  atHereAndThere: '{when}（{city}时间 {venueWhen}）',
  someone: '一位参会者',
  describe: '{at}\n会谈对象：{counterpart}\n{table}',
  table: '{table}号桌',
  tableAt: '{table}号桌，{venue}',
  scheduled: '新增：{meeting}',
  moved: '调整：与{counterpart}的会谈改为{at}，{table}号桌；原为{previousAt}，{previousTable}号桌。',
  movedFromUnknown: '调整：与{counterpart}的会谈改为{at}，{table}号桌。',
  cancelled: '取消：与{counterpart}原定于{at}的会谈取消。',
};
