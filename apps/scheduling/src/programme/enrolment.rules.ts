import type { Audience } from './session.js';

/** Whether a session's audience includes a participant: everyone, their delegation, or an invitation. */
export function admits(audience: Audience, participant: { registrationId: string; delegation: string | null }): boolean {
  switch (audience.kind) {
    case 'all':
      return true;
    case 'delegations':
      return participant.delegation !== null && audience.delegations.includes(participant.delegation);
    case 'invitation':
      return audience.registrationIds.includes(participant.registrationId);
  }
}

/** A seat while there is one (no capacity: always), else the end of the waitlist. */
export function placeOf(capacity: number | null, confirmed: number): 'confirmed' | 'waitlisted' {
  return capacity === null || confirmed < capacity ? 'confirmed' : 'waitlisted';
}

/** How many of the waitlist get a seat: as many as are free, first come first served. */
export function promotions(capacity: number | null, confirmed: number, waitlisted: number): number {
  if (capacity === null) return waitlisted;
  return Math.max(0, Math.min(waitlisted, capacity - confirmed));
}
