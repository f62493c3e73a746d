import { zh as shared } from '../../mail/templates/zh.js';
import type { SessionTemplates } from './template.js';

export const zh: SessionTemplates = {
  locale: 'zh-CN',
  kinds: {
    rescheduled: (view) => {
      const before = view.before!;
      const moved = before.venue !== view.now.venue;
      return {
        subject: `日程变更：${view.sessionTitle}（${view.missionTitle}）`,
        paragraphs: [
          `尊敬的${view.name}：`,
          `${view.missionTitle}的活动“${view.sessionTitle}”已变更，请留意新的${moved ? '时间和地点' : '时间'}。`,
          `现时间：\n${shared.whenAndWhere(view.now, view.timezone)}`,
          `原时间：\n${shared.whenAndWhere(before, view.timezone)}`,
          shared.closing(view.missionTitle),
        ],
      };
    },
    cancelled: (view) => ({
      subject: `活动取消：${view.sessionTitle}（${view.missionTitle}）`,
      paragraphs: [
        `尊敬的${view.name}：`,
        `${view.missionTitle}的活动“${view.sessionTitle}”已取消。原定安排：`,
        shared.whenAndWhere(view.now, view.timezone),
        ...(view.reason ? [`原因：${view.reason}`] : []),
        shared.closing(view.missionTitle),
      ],
    }),
  },
};
