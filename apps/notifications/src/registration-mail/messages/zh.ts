import type { Catalogue } from '../../mail/mail-messages.js';
import type { RegistrationMessage } from './en.js';

export const zh: Catalogue<RegistrationMessage> = {
  mission: '{missionTitle}（{missionCode}，{missionDates}）',
  whenHere: '{atRecipient}（您的时区：{timezone}）',
  whenHereAndThere: '{atRecipient}（您的时区：{timezone}）；活动当地时间 {atMission}（{missionTimezone}）',
  confirmedSubject: '您的{missionTitle}报名已确认',
  confirmed: '您报名参加的{mission}已确认。我们期待您的到来。',
  confirmedOn: '确认时间：{when}。',
  approvedSubject: '您的{missionTitle}报名已获批准',
  approved: '组织方已批准您参加{mission}的报名，您的名额已确认。',
  approvedOn: '批准时间：{when}。',
  promotedSubject: '候补转正：您的{missionTitle}报名已确认',
  promoted: '有名额空出，您已从候补名单转为正式参会者：您参加{mission}的报名现已确认。',
  promotedOn: '确认时间：{when}。',
  waitlistedSubject: '您已进入{missionTitle}候补名单',
  waitlisted: '{mission}目前名额已满，您已被列入候补名单{position, plural, =0 {。} other {，排在第#位。}}一旦有名额空出，我们会立即通过电子邮件通知您。',
  waitlistedOn: '报名时间：{when}。',
  pending_approvalSubject: '我们已收到您的{missionTitle}报名',
  pending_approval: '我们已收到您参加{mission}的报名，正在等待组织方审核。审核结果确定后，我们会通过电子邮件通知您。',
  pending_approvalOn: '收到时间：{when}。',
  rejectedSubject: '关于您的{missionTitle}报名',
  rejected: '很遗憾，您参加{mission}的报名未能通过。',
  rejectedOn: '决定时间：{when}。',
  cancelledSubject: '您的{missionTitle}报名已取消',
  cancelled: '您参加{mission}的报名已取消。',
  cancelledOn: '取消时间：{when}。',
};
