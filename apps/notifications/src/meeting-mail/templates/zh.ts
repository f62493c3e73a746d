import type { MeetingMailView, MeetingTemplates } from './template.js';

const who = (view: MeetingMailView) => view.counterpart?.name ?? '一位参会者';
const whoInFull = (view: MeetingMailView) => {
  const c = view.counterpart;
  if (!c) return '一位参会者';
  return `${c.name}（${[c.organisation, c.jobTitle, c.country].filter(Boolean).join('，')}）`;
};
const message = (view: MeetingMailView, whose: string) => (view.message ? [`${whose}：“${view.message}”`] : []);
const closing = (view: MeetingMailView) => [`祝好！\n${view.missionTitle}组织方`];

export const zh: MeetingTemplates = {
  locale: 'zh-CN',
  kinds: {
    requested: (view) => ({
      subject: `${who(view)}希望在${view.missionTitle}期间与您会面`,
      paragraphs: [
        `尊敬的${view.name}：`,
        `${whoInFull(view)}希望在${view.missionTitle}期间与您进行一对一会谈。`,
        ...message(view, '对方留言'),
        '请在 mission-hub 中接受或拒绝该请求。已接受的会谈将由配对日程安排时间和桌号。',
        ...closing(view),
      ],
    }),
    accepted: (view) => ({
      subject: `${who(view)}已接受您的会谈请求`,
      paragraphs: [
        `尊敬的${view.name}：`,
        `${whoInFull(view)}已接受您在${view.missionTitle}期间进行一对一会谈的请求。`,
        ...message(view, '您的留言'),
        '配对日程确定后，我们会通知您会谈时间和桌号。',
        ...closing(view),
      ],
    }),
    declined: (view) => ({
      subject: `${who(view)}已拒绝您的会谈请求`,
      paragraphs: [
        `尊敬的${view.name}：`,
        `${whoInFull(view)}已拒绝您在${view.missionTitle}期间进行一对一会谈的请求。`,
        ...message(view, '您的留言'),
        ...closing(view),
      ],
    }),
  },
};
