import type { Catalogue } from '../../../mail/mail-messages.js';
import type { WebhookMessage } from './en.js';

export const zh: Catalogue<WebhookMessage> = {
  subject: 'Webhook 端点已停用：{url}',
  body: 'mission-hub 已停止向 Webhook 端点 {url} 发送事件：{reason, select, gone {该端点应答 410 Gone，即要求取消订阅} other {自 {since} 起每次尝试均告失败}}。',
  after: '仍在等待的投递已标记为失败。端点恢复正常后，请在控制台（Webhook）中重新启用，并重新投递所需的内容。',
  closing: '此致\nmission-hub',
};
