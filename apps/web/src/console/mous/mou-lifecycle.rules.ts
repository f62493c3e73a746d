import type { MouStatus } from '#contracts';

/**
 * The moves an organiser may make from each status, as the registry's lifecycle allows them (expiry is the
 * registry's clock's alone). The console offers only these; the registry stays the judge and answers 422 otherwise.
 */
const organiserMoves: Record<MouStatus, readonly MouStatus[]> = {
  draft: ['negotiating', 'terminated'],
  negotiating: ['draft', 'signed', 'terminated'],
  signed: ['in_force', 'terminated'],
  in_force: ['completed', 'terminated'],
  completed: [],
  terminated: [],
  expired: [],
};

export function nextStatuses(from: MouStatus): readonly MouStatus[] {
  return organiserMoves[from];
}

/** Signing asks for the date and place when the record has none yet. */
export function asksForSigning(to: MouStatus): boolean {
  return to === 'signed';
}

/** A finished MoU takes no new versions. */
export function takesVersions(status: MouStatus): boolean {
  return status !== 'completed' && status !== 'terminated' && status !== 'expired';
}
