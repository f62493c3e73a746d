import { Problem } from '#common';
import type { EntityManager } from 'typeorm';
import { ParticipantEntity } from './participant.entity.js';

/**
 * The participant, when they are a confirmed (and not erased) participant of the mission; a 422 naming
 * what they are otherwise (`field` names the input that gave the id). `lock` holds their row until the
 * transaction ends, so that two of their enrolments take turns.
 */
export async function confirmedParticipant(
  manager: EntityManager,
  missionId: string,
  registrationId: string,
  options: { field?: string; lock?: boolean } = {},
): Promise<ParticipantEntity> {
  const participant = await manager.findOne(ParticipantEntity, {
    where: { registrationId, missionId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!participant || participant.status !== 'confirmed' || participant.erasedAt) {
    throw Problem.unprocessable(
      'not-a-confirmed-participant',
      'Not a confirmed participant',
      `${options.field ?? 'registrationId'} ${registrationId} is not a confirmed participant of this mission${participant ? ` (it is ${participant.erasedAt ? 'erased' : participant.status})` : ''}.`,
    );
  }
  return participant;
}
