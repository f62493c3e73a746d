/** A milestone of an action plan is due soon, to its owner and to its pilot project's person responsible. */
export const en = {
  subject: 'Reminder: “{milestoneTitle}” is due on {dueOn}',
  of: '{hasPilot, select, yes {of the pilot project “{pilotProject}” of the action plan} other {of the action plan}} “{planTitle}”',
  body: 'The milestone “{milestoneTitle}” {of} is due on {dueOn}.',
  role: '{role, select, owner {You are its owner.} other {You are responsible for its pilot project.}}',
  ask: 'Please make sure it is completed on time, or let the organisers know if it will be late.',
  closing: 'Kind regards,\nThe MoU registry of mission-hub',
};
export type MilestoneReminderMessage = keyof typeof en;
