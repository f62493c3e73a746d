import type { MilestoneReminderView, MilestoneTemplates } from './template.js';

const mou = (view: MilestoneReminderView) => {
  const parts = [view.mou?.reference, view.mou?.title ? `“${view.mou.title}”` : null].filter(Boolean);
  return parts.length > 0 ? `the MoU ${parts.join(' ')}` : 'an MoU';
};

export const en: MilestoneTemplates = {
  locale: 'en-GB',
  reminder: (view) => ({
    subject: `Reminder: “${view.milestoneTitle}” was due on ${view.dueOn}`,
    paragraphs: [
      `Dear ${view.ownerName},`,
      `The milestone “${view.milestoneTitle}” of ${mou(view)}, which you are responsible for, was due on ${view.dueOn} and has not been marked as completed.`,
      'Please complete it, or let the organisers know when it will be.',
      'Kind regards,\nThe MoU registry of mission-hub',
    ],
  }),
};
