import type { Catalogue } from '../../mail/mail-messages.js';
import type { SessionMessage } from './en.js';

export const zh: Catalogue<SessionMessage> = {
  rescheduledSubject: '日程变更：{sessionTitle}（{missionTitle}）',
  rescheduled: '{missionTitle}的活动“{sessionTitle}”已变更，请留意新的{moved, select, yes {时间和地点} other {时间}}。',
  now: '现时间：\n{whenAndWhere}',
  before: '原时间：\n{whenAndWhere}',
  cancelledSubject: '活动取消：{sessionTitle}（{missionTitle}）',
  cancelled: '{missionTitle}的活动“{sessionTitle}”已取消。原定安排：',
};
