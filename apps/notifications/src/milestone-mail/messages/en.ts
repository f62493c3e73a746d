/** An overdue MoU milestone, to its owner. */
export const en = {
  subject: 'Reminder: “{milestoneTitle}” was due on {dueOn}',
  of: '{hasPilot, select, yes {of the pilot project “{pilotProject}” of the MoU} other {of the MoU}} {reference} “{mouTitle}”',
  body: 'The milestone “{milestoneTitle}” {of}, which you are responsible for, was due on {dueOn} and has not been marked as completed.',
  ask: 'Please complete it, or let the organisers know when it will be.',
  closing: 'Kind regards,\nThe MoU registry of mission-hub',
};
export type MilestoneMessage = keyof typeof en;
