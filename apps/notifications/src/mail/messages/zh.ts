import type { Catalogue } from '../mail-messages.js';
import type { SharedMessage } from './en.js';

export const zh: Catalogue<SharedMessage> = {
  greeting: '尊敬的{name}：',
  closing: '祝好！\n{missionTitle}组织方',
  manage: '管理您的报名：{link}\n此链接仅供您本人使用，请勿转发。',
  whenHereAndThere: '{atRecipient}（您的时区：{timezone}）\n活动当地时间 {atVenue}（{venueTimezone}）',
  whenHere: '{atRecipient}（您的时区及活动当地时间：{timezone}）',
  venue: '地点：{venue}',
  venueToBeAnnounced: '地点：待定',
  reason: '原因：{reason}',
};
