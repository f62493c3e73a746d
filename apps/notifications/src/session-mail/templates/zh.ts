import type { SessionMailView, SessionPlace, SessionTemplates } from './template.js';

const when = (place: SessionPlace, timezone: string) =>
  place.atVenue
    ? `${place.atRecipient}（您的时区：${timezone}）\n活动当地时间 ${place.atVenue}（${place.venueTimezone}）`
    : `${place.atRecipient}（您的时区及活动当地时间：${timezone}）`;
const venue = (place: SessionPlace) => place.venue ?? '待定';
/** When (in the recipient's `timezone` and the venue's) and where a session is: every e-mail about a session says it so. */
export const whenAndWhere = (place: SessionPlace, timezone: string) => `${when(place, timezone)}\n地点：${venue(place)}`;
export const closing = (view: Pick<SessionMailView, 'missionTitle'>) => [`祝好！\n${view.missionTitle}组织方`];

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
          `现时间：\n${whenAndWhere(view.now, view.timezone)}`,
          `原时间：\n${whenAndWhere(before, view.timezone)}`,
          ...closing(view),
        ],
      };
    },
    cancelled: (view) => ({
      subject: `活动取消：${view.sessionTitle}（${view.missionTitle}）`,
      paragraphs: [
        `尊敬的${view.name}：`,
        `${view.missionTitle}的活动“${view.sessionTitle}”已取消。原定安排：`,
        whenAndWhere(view.now, view.timezone),
        ...(view.reason ? [`原因：${view.reason}`] : []),
        ...closing(view),
      ],
    }),
  },
};
