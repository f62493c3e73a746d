import type { Catalogue } from '../../mail/mail-messages.js';
import type { BroadcastMessage } from './en.js';

export const zh: Catalogue<BroadcastMessage> = {
  subject: '{subject}（{missionTitle}）',
  intro: '{missionTitle}组织方发来的消息：',
  onYourPage: '您也可以在您的个人页面上查看此消息，以及组织方发给您的其他消息。',
};
