import { organises, Problem, type Caller } from '#common';
import type { UnitOfWork } from '#common';
import type { ParticipantsRepository } from '../participants/participants.repository.js';

/** Organisers of the mission and its confirmed participants (with their own token); anyone else is refused. */
export async function assertOrganiserOrConfirmed(participants: ParticipantsRepository, unit: UnitOfWork, caller: Caller, missionId: string): Promise<void> {
  if (caller.kind === 'anonymous') throw Problem.unauthorized();
  if (organises(caller, missionId)) return;
  if (caller.kind !== 'participant' || caller.missionId !== missionId)
    throw Problem.forbidden('Only organisers and confirmed participants of this mission may do this.');
  const participant = await participants.find(unit, missionId, caller.registrationId);
  if (participant?.status !== 'confirmed') throw Problem.forbidden('Only confirmed participants of this mission may do this.');
}
