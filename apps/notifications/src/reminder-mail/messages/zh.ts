import type { Catalogue } from '../../mail/mail-messages.js';
import type { ReminderMessage } from './en.js';

export const zh: Catalogue<ReminderMessage> = {
  sessionSubject: '提醒：{sessionTitle}（{missionTitle}）',
  session: '提醒您参加{missionTitle}的“{sessionTitle}”，{role, select, speaker {您将在该场次发言} other {您已在该场次获得席位}}：',
  meetingSubject: '提醒：您在{table}号桌的B2B洽谈（{missionTitle}）',
  meeting: '提醒您参加{missionTitle}在{table}号桌的B2B洽谈：',
  meetingWith: '洽谈对象：{counterparts}',
  closingSubject: '{missionTitle}的报名将于{closesAt}截止',
  closing:
    '{status, select, waitlisted {您在{missionTitle}的候补名单上。} other {您在{missionTitle}的报名正在等待组织方审核。}}报名将于{closesAt}截止（您的时间，{timezone}）。您无需采取任何行动：一旦您的名额确定，我们会立即发邮件通知您。',
};
