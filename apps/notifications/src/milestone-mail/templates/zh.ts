import type { MilestoneReminderView, MilestoneTemplates } from './template.js';

const of = (view: MilestoneReminderView) => `合作备忘录${view.mou.reference}《${view.mou.title}》${view.pilotProject ? `试点项目“${view.pilotProject}”` : ''}`;

export const zh: MilestoneTemplates = {
  locale: 'zh-CN',
  reminder: (view) => ({
    subject: `提醒：“${view.milestoneTitle}”已于${view.dueOn}到期`,
    paragraphs: [
      `尊敬的${view.ownerName}：`,
      `您负责的${of(view)}的里程碑“${view.milestoneTitle}”已于${view.dueOn}到期，尚未标记为完成。`,
      '请尽快完成，或告知组织方预计完成时间。',
      '祝好！\nmission-hub 合作备忘录登记处',
    ],
  }),
};
