import type { SessionPlace } from '../session-place.js';
import type { SharedTemplates } from './template.js';

const when = (place: SessionPlace, timezone: string) =>
  place.atVenue
    ? `${place.atRecipient}（您的时区：${timezone}）\n活动当地时间 ${place.atVenue}（${place.venueTimezone}）`
    : `${place.atRecipient}（您的时区及活动当地时间：${timezone}）`;

export const zh: SharedTemplates = {
  closing: (missionTitle) => `祝好！\n${missionTitle}组织方`,
  manage: (link) => `管理您的报名：${link}\n此链接仅供您本人使用，请勿转发。`,
  whenAndWhere: (place, timezone) => `${when(place, timezone)}\n地点：${place.venue ?? '待定'}`,
};
