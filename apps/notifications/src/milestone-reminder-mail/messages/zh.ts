import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneReminderMessage } from './en.js';

export const zh: Catalogue<MilestoneReminderMessage> = {
  subject: '提醒：“{milestoneTitle}”将于{dueOn}到期',
  of: '行动计划《{planTitle}》{hasPilot, select, yes {试点项目“{pilotProject}”} other {}}',
  body: '{of}的里程碑“{milestoneTitle}”将于{dueOn}到期。',
  role: '{role, select, owner {您是该里程碑的负责人。} other {您是其试点项目的负责人。}}',
  ask: '请确保按时完成；如有延误，请告知组织方。',
  closing: '祝好！\nmission-hub 合作备忘录登记处',
};
