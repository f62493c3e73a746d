import { Problem } from '#common';
import type { Participant } from './participant.js';

/**
 * `participant` when they are a confirmed (and not erased) participant of the mission; a 422 naming
 * what they are otherwise (`field` names the input that gave the id).
 */
export function confirmedOrRefused(participant: Participant | null, registrationId: string, field = 'registrationId'): Participant {
  if (!participant || participant.status !== 'confirmed' || participant.erasedAt) {
    throw Problem.unprocessable(
      'not-a-confirmed-participant',
      'Not a confirmed participant',
      `${field} ${registrationId} is not a confirmed participant of this mission${participant ? ` (it is ${participant.erasedAt ? 'erased' : participant.status})` : ''}.`,
    );
  }
  return participant;
}
