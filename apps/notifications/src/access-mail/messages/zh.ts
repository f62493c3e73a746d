import type { Catalogue } from '../../mail/mail-messages.js';
import type { AccessMessage } from './en.js';

export const zh: Catalogue<AccessMessage> = {
  link_requestedSubject: '您的{missionTitle}登录链接',
  link_requested: '您申请了{missionTitle}（{missionCode}）报名的新登录链接。此前发送给您的链接均已失效。',
  access_revokedSubject: '您的{missionTitle}新登录链接',
  access_revoked: '您在{missionTitle}（{missionCode}）报名的访问权限已被撤销，此前的所有链接和登录均已失效。以下是新的登录链接。',
  link: '登录以管理您的报名：{link}\n此链接{days, plural, other {#}}天内有效，仅供您本人使用，请勿转发。',
  ignore: '如果这不是您本人的申请，请忽略此邮件。',
};
