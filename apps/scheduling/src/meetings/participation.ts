import { organises, Problem, type Caller } from '#common';
import type { EntityManager } from 'typeorm';
import { ParticipantEntity } from '../participants/participant.entity.js';

/** The participant, when they are a confirmed (and not erased) participant of the mission; a 422 naming what they are otherwise. */
export async function confirmedParticipant(
  manager: EntityManager,
  missionId: string,
  registrationId: string,
  field = 'registrationId',
): Promise<ParticipantEntity> {
  const participant = await manager.findOneBy(ParticipantEntity, { registrationId, missionId });
  if (!participant || participant.status !== 'confirmed' || participant.erasedAt) {
    throw Problem.unprocessable(
      'not-a-confirmed-participant',
      'Not a confirmed participant',
      `${field} ${registrationId} is not a confirmed participant of this mission${participant ? ` (it is ${participant.erasedAt ? 'erased' : participant.status})` : ''}.`,
    );
  }
  return participant;
}

/** Organisers of the mission and its confirmed participants (with their own token); anyone else is refused. */
export async function assertOrganiserOrConfirmed(manager: EntityManager, caller: Caller, missionId: string): Promise<void> {
  if (caller.kind === 'anonymous') throw Problem.unauthorized();
  if (organises(caller, missionId)) return;
  if (caller.kind !== 'participant' || caller.missionId !== missionId)
    throw Problem.forbidden('Only organisers and confirmed participants of this mission may do this.');
  const participant = await manager.findOneBy(ParticipantEntity, { registrationId: caller.registrationId, missionId });
  if (participant?.status !== 'confirmed') throw Problem.forbidden('Only confirmed participants of this mission may do this.');
}
