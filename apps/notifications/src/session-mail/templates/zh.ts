import type { SessionMailView, SessionPlace, SessionTemplates } from './template.js';

const when = (place: SessionPlace, view: SessionMailView) =>
  place.atVenue
    ? `${place.atRecipient}（您的时区：${view.timezone}）\n活动当地时间 ${place.atVenue}（${place.venueTimezone}）`
    : `${place.atRecipient}（您的时区及活动当地时间：${view.timezone}）`;
const venue = (place: SessionPlace) => place.venue ?? '待定';
const closing = (view: SessionMailView) => [`祝好！\n${view.missionTitle}组织方`];

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
          `现时间：\n${when(view.now, view)}\n地点：${venue(view.now)}`,
          `原时间：\n${when(before, view)}\n地点：${venue(before)}`,
          ...closing(view),
        ],
      };
    },
    cancelled: (view) => ({
      subject: `活动取消：${view.sessionTitle}（${view.missionTitle}）`,
      paragraphs: [
        `尊敬的${view.name}：`,
        `${view.missionTitle}的活动“${view.sessionTitle}”已取消。原定安排：`,
        `${when(view.now, view)}\n地点：${venue(view.now)}`,
        ...(view.reason ? [`原因：${view.reason}`] : []),
        ...closing(view),
      ],
    }),
  },
};
