import { fullName } from '../../mail/mail-format.js';
import type { AccessMailView, AccessTemplates } from './template.js';

const greeting = (view: AccessMailView) => `尊敬的${fullName(view.givenName, view.familyName)}：`;
const link = (view: AccessMailView) => `登录以管理您的报名：${view.link}\n此链接${view.days}天内有效，仅供您本人使用，请勿转发。`;
const closing = (view: AccessMailView) => `祝好！\n${view.mission.title}组织方`;

export const zh: AccessTemplates = {
  kinds: {
    link_requested: (view) => ({
      subject: `您的${view.mission.title}登录链接`,
      paragraphs: [
        greeting(view),
        `您申请了${view.mission.title}（${view.mission.code}）报名的新登录链接。此前发送给您的链接均已失效。`,
        link(view),
        '如果这不是您本人的申请，请忽略此邮件。',
        closing(view),
      ],
    }),
    access_revoked: (view) => ({
      subject: `您的${view.mission.title}新登录链接`,
      paragraphs: [
        greeting(view),
        `您在${view.mission.title}（${view.mission.code}）报名的访问权限已被撤销，此前的所有链接和登录均已失效。以下是新的登录链接。`,
        link(view),
        closing(view),
      ],
    }),
  },
};
