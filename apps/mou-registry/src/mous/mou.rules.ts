import type { MouStatus } from '#contracts';

/** Who moves an MoU: an organiser through the API, or the registry's own clock (expiry). */
export type Mover = 'organiser' | 'clock';

/** Where each status may go, and who may take it there. Expiry is the clock's alone: it happens at the expiry date. */
const transitions: Record<MouStatus, Partial<Record<MouStatus, Mover>>> = {
  draft: { negotiating: 'organiser', terminated: 'organiser' },
  negotiating: { draft: 'organiser', signed: 'organiser', terminated: 'organiser' },
  signed: { in_force: 'organiser', terminated: 'organiser', expired: 'clock' },
  in_force: { completed: 'organiser', terminated: 'organiser', expired: 'clock' },
  completed: {},
  terminated: {},
  expired: {},
};

export type TransitionCheck = { allowed: true } | { allowed: false; allowedStatuses: MouStatus[] };

/** The lifecycle as plain code. */
export const MouLifecycle = {
  /** The statuses `mover` may take an MoU in `from` to. */
  next(from: MouStatus, mover: Mover): MouStatus[] {
    return (Object.entries(transitions[from]) as [MouStatus, Mover][]).filter(([, who]) => who === mover).map(([to]) => to);
  },

  check(from: MouStatus, to: MouStatus, mover: Mover): TransitionCheck {
    const allowedStatuses = MouLifecycle.next(from, mover);
    return allowedStatuses.includes(to) ? { allowed: true } : { allowed: false, allowedStatuses };
  },

  /** Once signed, what was agreed (parties, signatories, signing, validity, title) changes only through amendments. */
  isSigned(status: MouStatus): boolean {
    return status !== 'draft' && status !== 'negotiating';
  },

  /** A finished MoU takes no new versions. */
  isClosed(status: MouStatus): boolean {
    return status === 'completed' || status === 'terminated' || status === 'expired';
  },
};

/** What signing needs on the record; each missing field is named. */
export function missingForSigning(mou: { signedOn: string | null; signedPlace: string | null; versions: number; signatories: number }): string[] {
  const missing: string[] = [];
  if (!mou.signedOn) missing.push('signedOn');
  if (!mou.signedPlace) missing.push('signedPlace');
  if (mou.versions === 0) missing.push('versions');
  if (mou.signatories === 0) missing.push('signatories');
  return missing;
}

/** `MOU-2019-0007`: the year of signing (or of creation), and the year's sequence, at least four digits. */
export function formatReference(year: number, sequence: number): string {
  return `MOU-${year}-${String(sequence).padStart(4, '0')}`;
}

/** The UTC calendar day of an instant, as `YYYY-MM-DD`. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
