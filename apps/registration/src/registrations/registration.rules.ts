import type { RegistrationStatus } from '#contracts';

export const approvalModes = ['automatic', 'manual'] as const;
export type ApprovalMode = (typeof approvalModes)[number];

/** What an organiser or a participant can do to a registration. */
export type RegistrationAction = 'approve' | 'reject' | 'cancel' | 'check-in';

/** The seats of one mission as they stand, read while the mission's settings row is locked. */
export interface Seats {
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** Most confirmed seats per delegation; a delegation without a quota is limited by capacity only. */
  delegationQuotas: Readonly<Record<string, number>>;
  /** Confirmed seats per delegation, for the delegations that have a quota. */
  confirmedByDelegation: Readonly<Record<string, number>>;
}

export type Placement =
  { status: 'confirmed'; waitlistPosition: null } | { status: 'waitlisted'; waitlistPosition: number } | { status: 'pending_approval'; waitlistPosition: null };

export type RegistrationWindow = 'open' | 'not-yet-open' | 'closed';

export type TransitionCheck = { allowed: true } | { allowed: false; reason: 'already-checked-in' | 'invalid-transition'; allowedActions: RegistrationAction[] };

const actionsByStatus: Record<RegistrationStatus, readonly RegistrationAction[]> = {
  pending_approval: ['approve', 'reject', 'cancel'],
  confirmed: ['cancel', 'check-in'],
  waitlisted: ['cancel'],
  rejected: [],
  cancelled: [],
};

/**
 * The lifecycle of a registration and the allocation of a mission's seats: plain code, so that it
 * is tested without Nest, a database or a broker. The caller holds the mission's lock while it
 * asks, so the seats it passes in are the seats as they are.
 */
export class RegistrationRules {
  /** Registration is open from `opensAt` (inclusive) until `closesAt` (exclusive); a missing bound does not limit. */
  static window(settings: { opensAt: Date | null; closesAt: Date | null }, now: Date): RegistrationWindow {
    if (settings.opensAt && now < settings.opensAt) return 'not-yet-open';
    if (settings.closesAt && now >= settings.closesAt) return 'closed';
    return 'open';
  }

  /** Where a new registration goes: the organiser's queue under manual approval, else a seat or the waitlist. */
  static place(approval: ApprovalMode, delegation: string | null, seats: Seats): Placement {
    if (approval === 'manual') return { status: 'pending_approval', waitlistPosition: null };
    return RegistrationRules.seat(delegation, seats);
  }

  /**
   * `place` for registrations arriving together, in their order: each one sees the seats as the ones
   * before it left them (a confirmed one takes a seat of its delegation, a waitlisted one the next place).
   */
  static placeInOrder(approval: ApprovalMode, delegations: readonly (string | null)[], seats: Seats): Placement[] {
    return delegations.map((delegation) => {
      const placement = RegistrationRules.place(approval, delegation, seats);
      if (placement.status === 'confirmed') seats = RegistrationRules.afterConfirming(seats, delegation);
      if (placement.status === 'waitlisted') seats = { ...seats, waitlisted: seats.waitlisted + 1 };
      return placement;
    });
  }

  /**
   * Which of the e-mail addresses arriving together, in their order, are taken: registered to the
   * mission already (`registered`, as the database found them) or by one earlier in the same group.
   * Case-insensitive, as the database's uniqueness is.
   */
  static takenEmails(emails: readonly string[], registered: Iterable<string>): boolean[] {
    const taken = new Set([...registered].map((email) => email.toLowerCase()));
    return emails.map((email) => {
      const key = email.toLowerCase();
      if (taken.has(key)) return true;
      taken.add(key);
      return false;
    });
  }

  /** A seat if there is one for the delegation, else the end of the waitlist. */
  static seat(delegation: string | null, seats: Seats): Placement {
    if (RegistrationRules.canSeat(delegation, seats)) return { status: 'confirmed', waitlistPosition: null };
    return { status: 'waitlisted', waitlistPosition: seats.waitlisted + 1 };
  }

  static canSeat(delegation: string | null, seats: Seats): boolean {
    if (seats.confirmed >= seats.capacity) return false;
    if (delegation === null) return true;
    const quota = quotaOf(seats, delegation);
    return quota === undefined || (seats.confirmedByDelegation[delegation] ?? 0) < quota;
  }

  static freeSeats(seats: Seats): number {
    return Math.max(0, seats.capacity - seats.confirmed);
  }

  /** The seats after one more confirmed registration of `delegation`. */
  static afterConfirming(seats: Seats, delegation: string | null): Seats {
    const counted = delegation !== null && quotaOf(seats, delegation) !== undefined;
    return {
      ...seats,
      confirmed: seats.confirmed + 1,
      confirmedByDelegation: counted
        ? { ...seats.confirmedByDelegation, [delegation]: (seats.confirmedByDelegation[delegation] ?? 0) + 1 }
        : seats.confirmedByDelegation,
    };
  }

  /**
   * Who of the waitlist (in its order) moves up into the free seats: first come, first served,
   * passing over someone whose delegation has used its quota, who keeps their place.
   */
  static promotions<T extends { delegation: string | null }>(waitlist: readonly T[], seats: Seats): { promoted: T[]; seats: Seats } {
    const promoted: T[] = [];
    for (const candidate of waitlist) {
      if (RegistrationRules.freeSeats(seats) === 0) break;
      if (!RegistrationRules.canSeat(candidate.delegation, seats)) continue;
      promoted.push(candidate);
      seats = { ...RegistrationRules.afterConfirming(seats, candidate.delegation), waitlisted: seats.waitlisted - 1 };
    }
    return { promoted, seats };
  }

  static allowedActions(registration: { status: RegistrationStatus; checkedInAt: Date | null }): RegistrationAction[] {
    const actions = actionsByStatus[registration.status];
    return registration.checkedInAt ? actions.filter((action) => action !== 'check-in') : [...actions];
  }

  static check(action: RegistrationAction, registration: { status: RegistrationStatus; checkedInAt: Date | null }): TransitionCheck {
    const allowedActions = RegistrationRules.allowedActions(registration);
    if (allowedActions.includes(action)) return { allowed: true };
    if (action === 'check-in' && registration.status === 'confirmed') return { allowed: false, reason: 'already-checked-in', allowedActions };
    return { allowed: false, reason: 'invalid-transition', allowedActions };
  }
}

function quotaOf(seats: Seats, delegation: string): number | undefined {
  return Object.hasOwn(seats.delegationQuotas, delegation) ? seats.delegationQuotas[delegation] : undefined;
}
