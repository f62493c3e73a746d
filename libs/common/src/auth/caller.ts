import { Problem } from '../problems/problem.js';

/** Who is calling, as the auth guard established it. */
export type Caller =
  | {
      kind: 'organiser';
      subject: string;
      missions: readonly string[];
      /** When the token stops being valid (ms since the epoch), if it says; what stays open on it, such as a stream, ends then. */
      expiresAt?: number;
    }
  | { kind: 'participant'; registrationId: string; missionId: string }
  | { kind: 'anonymous' };

export function organises(caller: Caller, missionId: string): boolean {
  return caller.kind === 'organiser' && (caller.missions.includes('*') || caller.missions.includes(missionId));
}

/** Refuses, before anything else happens, an organiser of another mission or anyone who is not one. */
export function assertOrganiserOf(caller: Caller, missionId: string): void {
  if (caller.kind === 'anonymous') throw Problem.unauthorized();
  if (!organises(caller, missionId)) throw Problem.forbidden('Only an organiser of this mission may do this.');
}

/**
 * The organiser of the mission, or the participant holding this registration's own token, in this
 * mission: a URL naming another mission with the participant's own id is refused here, not by each
 * query's filters.
 */
export function assertOrganiserOrSelf(caller: Caller, missionId: string, registrationId: string): void {
  if (caller.kind === 'anonymous') throw Problem.unauthorized();
  if (caller.kind === 'participant' && caller.registrationId === registrationId && caller.missionId === missionId) return;
  if (organises(caller, missionId)) return;
  throw Problem.forbidden('Only an organiser of this mission or the participant may do this.');
}
