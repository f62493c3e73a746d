import type { EventData } from '#contracts';
import type { MouRow } from '../mous/mous.repository.js';
import type { Contact } from '../participants/participants.service.js';
import type { MilestoneRow } from './follow-up.repository.js';

/**
 * The owner as they can be reached now: `participant`, a participant's current contact data (none once erased), where
 * the owner is one the registry knows; else as stored with the milestone (a milestone just added stores what was read).
 */
export function toMilestoneEventData(mou: MouRow, milestone: MilestoneRow, participant: Contact | null = null): EventData<'mou.milestone_due'> {
  return {
    mouId: mou.id,
    milestoneId: milestone.id,
    missionId: mou.missionId,
    title: milestone.title,
    dueOn: milestone.dueOn,
    owner: {
      ...(participant ?? { name: milestone.ownerName, email: milestone.ownerEmail, preferredLanguage: milestone.ownerLanguage }),
      registrationId: milestone.ownerRegistrationId,
    },
    reference: mou.reference,
    mouTitle: mou.title,
    pilotProject: milestone.pilotProjectId ? { pilotProjectId: milestone.pilotProjectId, title: milestone.pilotProjectTitle! } : null,
  };
}
