import { zh as shared } from '../../mail/templates/zh.js';
import { fullName } from '../../mail/mail-format.js';
import type { MailMoments, RegistrationMailView, RegistrationTemplates } from './template.js';

const name = (view: RegistrationMailView) => fullName(view.givenName, view.familyName);
const mission = (view: RegistrationMailView, moments: MailMoments) => `${view.mission.title}（${view.mission.code}，${moments.missionDates}）`;
const greeting = (view: RegistrationMailView) => `尊敬的${name(view)}：`;
const when = (view: RegistrationMailView, moments: MailMoments) =>
  `${moments.occurredAtRecipient}（您的时区：${view.timezone}）` +
  (moments.occurredAtMission ? `；活动当地时间 ${moments.occurredAtMission}（${view.mission.timezone}）` : '');
const reason = (view: RegistrationMailView) => (view.reason ? [`原因：${view.reason}`] : []);

export const zh: RegistrationTemplates = {
  locale: 'zh-CN',
  // ICU's zh range format falls back to numeric dates (2019/6/9 – 2019/6/15); spell both days out instead.
  dateRange: (format, first, last) => `${format.format(first)}至${format.format(last)}`,
  kinds: {
    confirmed: (view, moments) => ({
      subject: `您的${view.mission.title}报名已确认`,
      paragraphs: [
        greeting(view),
        `您报名参加的${mission(view, moments)}已确认。我们期待您的到来。`,
        `确认时间：${when(view, moments)}。`,
        shared.closing(view.mission.title),
      ],
    }),
    approved: (view, moments) => ({
      subject: `您的${view.mission.title}报名已获批准`,
      paragraphs: [
        greeting(view),
        `组织方已批准您参加${mission(view, moments)}的报名，您的名额已确认。`,
        `批准时间：${when(view, moments)}。`,
        shared.closing(view.mission.title),
      ],
    }),
    promoted: (view, moments) => ({
      subject: `候补转正：您的${view.mission.title}报名已确认`,
      paragraphs: [
        greeting(view),
        `有名额空出，您已从候补名单转为正式参会者：您参加${mission(view, moments)}的报名现已确认。`,
        `确认时间：${when(view, moments)}。`,
        shared.closing(view.mission.title),
      ],
    }),
    waitlisted: (view, moments) => ({
      subject: `您已进入${view.mission.title}候补名单`,
      paragraphs: [
        greeting(view),
        `${mission(view, moments)}目前名额已满，您已被列入候补名单` +
          (view.waitlistPosition ? `，排在第${view.waitlistPosition}位。` : '。') +
          '一旦有名额空出，我们会立即通过电子邮件通知您。',
        `报名时间：${when(view, moments)}。`,
        shared.closing(view.mission.title),
      ],
    }),
    pending_approval: (view, moments) => ({
      subject: `我们已收到您的${view.mission.title}报名`,
      paragraphs: [
        greeting(view),
        `我们已收到您参加${mission(view, moments)}的报名，正在等待组织方审核。审核结果确定后，我们会通过电子邮件通知您。`,
        `收到时间：${when(view, moments)}。`,
        shared.closing(view.mission.title),
      ],
    }),
    rejected: (view, moments) => ({
      subject: `关于您的${view.mission.title}报名`,
      paragraphs: [
        greeting(view),
        `很遗憾，您参加${mission(view, moments)}的报名未能通过。`,
        ...reason(view),
        `决定时间：${when(view, moments)}。`,
        shared.closing(view.mission.title),
      ],
    }),
    cancelled: (view, moments) => ({
      subject: `您的${view.mission.title}报名已取消`,
      paragraphs: [
        greeting(view),
        `您参加${mission(view, moments)}的报名已取消。`,
        ...reason(view),
        `取消时间：${when(view, moments)}。`,
        shared.closing(view.mission.title),
      ],
    }),
  },
};
