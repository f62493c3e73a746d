import { organises, Problem, type Caller } from '#common';
import type { EntityManager } from 'typeorm';
import { ParticipantEntity } from '../participants/participant.entity.js';

/** Organisers of the mission and its confirmed participants (with their own token); anyone else is refused. */
export async function assertOrganiserOrConfirmed(manager: EntityManager, caller: Caller, missionId: string): Promise<void> {
  if (caller.kind === 'anonymous') throw Problem.unauthorized();
  if (organises(caller, missionId)) return;
  if (caller.kind !== 'participant' || caller.missionId !== missionId)
    throw Problem.forbidden('Only organisers and confirmed participants of this mission may do this.');
  const participant = await manager.findOneBy(ParticipantEntity, { registrationId: caller.registrationId, missionId });
  if (participant?.status !== 'confirmed') throw Problem.forbidden('Only confirmed participants of this mission may do this.');
}
