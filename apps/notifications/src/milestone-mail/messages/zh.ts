import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneMessage } from './en.js';

export const zh: Catalogue<MilestoneMessage> = {
  subject: '提醒：“{milestoneTitle}”已于{dueOn}到期',
  of: '合作备忘录{reference}《{mouTitle}》{hasPilot, select, yes {试点项目“{pilotProject}”} other {}}',
  body: '您负责的{of}的里程碑“{milestoneTitle}”已于{dueOn}到期，尚未标记为完成。',
  ask: '请尽快完成，或告知组织方预计完成时间。',
  closing: '祝好！\nmission-hub 合作备忘录登记处',
};
