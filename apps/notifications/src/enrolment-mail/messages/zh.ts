import type { Catalogue } from '../../mail/mail-messages.js';
import type { EnrolmentMessage } from './en.js';

export const zh: Catalogue<EnrolmentMessage> = {
  confirmedSubject: '活动名额已确认：{sessionTitle}（{missionTitle}）',
  confirmed: '您已报名{missionTitle}的活动“{sessionTitle}”，名额已确认。活动安排：',
  promotedSubject: '候补转正：{sessionTitle}（{missionTitle}）',
  promoted: '{missionTitle}的活动“{sessionTitle}”有名额空出，您已从候补名单转为正式参加，名额已确认。活动安排：',
  waitlistedSubject: '您已进入候补名单：{sessionTitle}（{missionTitle}）',
  waitlisted:
    '{missionTitle}的活动“{sessionTitle}”目前名额已满，您已被列入候补名单{position, plural, =0 {。} other {，排在第#位。}}一旦有名额空出，我们会立即通过电子邮件通知您。活动安排：',
  cancelledSubject: '活动报名已取消：{sessionTitle}（{missionTitle}）',
  cancelled:
    '{previousStatus, select, waitlisted {您在{missionTitle}的活动“{sessionTitle}”候补名单中的位置已取消。原定安排：} other {您在{missionTitle}的活动“{sessionTitle}”的报名已取消，名额不再为您保留。原定安排：}}',
};
