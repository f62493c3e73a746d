import type { Catalogue } from '../../mail/mail-messages.js';
import type { MeetingMessage } from './en.js';

export const zh: Catalogue<MeetingMessage> = {
  someone: '一位参会者',
  withDetails: '{name}（{details}）',
  requestedSubject: '{who}希望在{missionTitle}期间与您会面',
  requested: '{who}希望在{missionTitle}期间与您进行一对一会谈。',
  theirMessage: '对方留言：“{message}”',
  yourMessage: '您的留言：“{message}”',
  requestedNext: '请在 mission-hub 中接受或拒绝该请求。已接受的会谈将由配对日程安排时间和桌号。',
  acceptedSubject: '{who}已接受您的会谈请求',
  accepted: '{who}已接受您在{missionTitle}期间进行一对一会谈的请求。',
  acceptedNext: '配对日程确定后，我们会通知您会谈时间和桌号。',
  declinedSubject: '{who}已拒绝您的会谈请求',
  declined: '{who}已拒绝您在{missionTitle}期间进行一对一会谈的请求。',
};
