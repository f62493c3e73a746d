import type { MilestoneReminderView, MilestoneTemplates } from './template.js';

const of = (view: MilestoneReminderView) =>
  `${view.pilotProject ? `the pilot project “${view.pilotProject}” of ` : ''}the MoU ${view.mou.reference} “${view.mou.title}”`;

export const en: MilestoneTemplates = {
  locale: 'en-GB',
  reminder: (view) => ({
    subject: `Reminder: “${view.milestoneTitle}” was due on ${view.dueOn}`,
    paragraphs: [
      `Dear ${view.ownerName},`,
      `The milestone “${view.milestoneTitle}” of ${of(view)}, which you are responsible for, was due on ${view.dueOn} and has not been marked as completed.`,
      'Please complete it, or let the organisers know when it will be.',
      'Kind regards,\nThe MoU registry of mission-hub',
    ],
  }),
};
