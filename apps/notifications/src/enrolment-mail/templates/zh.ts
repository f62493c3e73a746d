import { zh as shared } from '../../mail/templates/zh.js';
import type { EnrolmentMailView, EnrolmentTemplates } from './template.js';

const session = (view: EnrolmentMailView) => `${view.missionTitle}的活动“${view.sessionTitle}”`;
const subject = (view: EnrolmentMailView) => `${view.sessionTitle}（${view.missionTitle}）`;

export const zh: EnrolmentTemplates = {
  locale: 'zh-CN',
  kinds: {
    confirmed: (view) => ({
      subject: `活动名额已确认：${subject(view)}`,
      paragraphs: [
        `尊敬的${view.name}：`,
        `您已报名${session(view)}，名额已确认。活动安排：`,
        shared.whenAndWhere(view.now, view.timezone),
        shared.closing(view.missionTitle),
      ],
    }),
    promoted: (view) => ({
      subject: `候补转正：${subject(view)}`,
      paragraphs: [
        `尊敬的${view.name}：`,
        `${session(view)}有名额空出，您已从候补名单转为正式参加，名额已确认。活动安排：`,
        shared.whenAndWhere(view.now, view.timezone),
        shared.closing(view.missionTitle),
      ],
    }),
    waitlisted: (view) => ({
      subject: `您已进入候补名单：${subject(view)}`,
      paragraphs: [
        `尊敬的${view.name}：`,
        `${session(view)}目前名额已满，您已被列入候补名单` +
          (view.waitlistPosition ? `，排在第${view.waitlistPosition}位。` : '。') +
          '一旦有名额空出，我们会立即通过电子邮件通知您。活动安排：',
        shared.whenAndWhere(view.now, view.timezone),
        shared.closing(view.missionTitle),
      ],
    }),
    cancelled: (view) => ({
      subject: `活动报名已取消：${subject(view)}`,
      paragraphs: [
        `尊敬的${view.name}：`,
        view.previousStatus === 'waitlisted'
          ? `您在${session(view)}候补名单中的位置已取消。原定安排：`
          : `您在${session(view)}的报名已取消，名额不再为您保留。原定安排：`,
        shared.whenAndWhere(view.now, view.timezone),
        shared.closing(view.missionTitle),
      ],
    }),
  },
};
