/** How registrations are taken: at once, or each approved by an organiser first. */
export const approvalModes = ['automatic', 'manual'] as const;
export type ApprovalMode = (typeof approvalModes)[number];

/** How a mission takes registrations; its row is also the lock every change of a seat takes. */
export interface RegistrationSettings {
  missionId: string;
  capacity: number;
  opensAt: Date | null;
  closesAt: Date | null;
  approval: ApprovalMode;
  /** The mission's delegations, read with the settings (in order of precedence). */
  delegations: readonly DelegationOfSeats[];
  /** Most confirmed seats per delegation id (from `delegations`). */
  delegationQuotas: Record<string, number>;
  /** The delegation each delegation lies within (from `delegations`). */
  delegationParents: Record<string, string | null>;
  /** Kept by the registrations' trigger `registration_seat_counts`: read them, never write them. */
  confirmedCount: number;
  waitlistedCount: number;
  /** How many registration categories the mission has, kept by the trigger `registration_category_count`; 0: registrations name none. */
  categoryCount: number;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What the seats are computed from. */
export type SettingsOfSeats = Pick<
  RegistrationSettings,
  'missionId' | 'capacity' | 'delegationQuotas' | 'delegationParents' | 'confirmedCount' | 'waitlistedCount' | 'categoryCount'
>;
/** What the registration form decides on. */
export type SettingsOfRegistration = SettingsOfSeats & Pick<RegistrationSettings, 'opensAt' | 'closesAt' | 'approval' | 'delegations'>;

/** A delegation as the seats and the form see it, read with the mission's lock (delegations/ owns the rest). */
export interface DelegationOfSeats {
  id: string;
  name: string;
  names: Record<string, string>;
  parentId: string | null;
  quota: number | null;
}

/** The seats of one mission as they stand, read while the mission's settings row is locked. */
export interface Seats {
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** Most confirmed seats per delegation; a delegation without a quota is limited by capacity only. */
  delegationQuotas: Readonly<Record<string, number>>;
  /** Confirmed seats per delegation, for the delegations that have a quota (a parent's count includes its sub-delegations'). */
  confirmedByDelegation: Readonly<Record<string, number>>;
  /**
   * The delegation each one lies within: a seat counts against its delegation's quota and the quota
   * of every delegation above it (a parent's quota covers its sub-delegations). Absent: none nested.
   */
  delegationParents?: Readonly<Record<string, string | null>>;
  /** Most confirmed seats per category id; a category absent, or null, is limited by the mission's capacity (and quotas) only. */
  categoryCapacities?: Readonly<Record<string, number | null>>;
  /** Confirmed seats per category id. */
  confirmedByCategory?: Readonly<Record<string, number>>;
}

/** What the seats need of a registration's category (categories/): its id, approval mode and whether it keeps a waiting list. */
export interface CategoryOfSeat {
  id: string;
  approval: ApprovalMode;
  waitlist: boolean;
}

export type Placement =
  { status: 'confirmed'; waitlistPosition: null } | { status: 'waitlisted'; waitlistPosition: number } | { status: 'pending_approval'; waitlistPosition: null };

/** No seat, and the registration's category keeps no waiting list: refused, nothing stored. */
export type Refusal = { status: 'refused'; reason: 'no-seat'; waitlistPosition: null };
export type Decision = Placement | Refusal;

export type RegistrationWindow = 'open' | 'not-yet-open' | 'closed';

/**
 * The allocation of a mission's seats and its registration window: plain code, tested without Nest,
 * a database or a broker. The caller holds the mission's lock while it asks, so the seats it passes in
 * are the seats as they are.
 */
export class SeatRules {
  /** Registration is open from `opensAt` (inclusive) until `closesAt` (exclusive); a missing bound does not limit. */
  static window(settings: { opensAt: Date | null; closesAt: Date | null }, now: Date): RegistrationWindow {
    if (settings.opensAt && now < settings.opensAt) return 'not-yet-open';
    if (settings.closesAt && now >= settings.closesAt) return 'closed';
    return 'open';
  }

  /**
   * Where a new registration goes: the organiser's queue under manual approval (the category's mode
   * when it has one, else the mission's), else a seat or the waitlist, refused when its category keeps none.
   */
  static place(approval: ApprovalMode, delegation: string | null, seats: Seats, category: CategoryOfSeat | null = null): Decision {
    if ((category?.approval ?? approval) === 'manual') return { status: 'pending_approval', waitlistPosition: null };
    const placement = SeatRules.seat(delegation, seats, category?.id ?? null);
    if (placement.status === 'waitlisted' && category && !category.waitlist) return { status: 'refused', reason: 'no-seat', waitlistPosition: null };
    return placement;
  }

  /**
   * `place` for registrations arriving together, in their order: each one sees the seats as the ones
   * before it left them (a confirmed one takes a seat of its delegation, a waitlisted one the next place).
   */
  static placeInOrder(
    approval: ApprovalMode,
    delegations: readonly (string | null)[],
    seats: Seats,
    categories: readonly (CategoryOfSeat | null)[] = [],
  ): Decision[] {
    return delegations.map((delegation, index) => {
      const category = categories[index] ?? null;
      const placement = SeatRules.place(approval, delegation, seats, category);
      if (placement.status === 'confirmed') seats = SeatRules.afterConfirming(seats, delegation, category?.id ?? null);
      if (placement.status === 'waitlisted') seats = { ...seats, waitlisted: seats.waitlisted + 1 };
      return placement;
    });
  }

  /** A seat if there is one for the delegation and the category, else the end of the waitlist. */
  static seat(delegation: string | null, seats: Seats, category: string | null = null): Placement {
    if (SeatRules.canSeat(delegation, seats, category)) return { status: 'confirmed', waitlistPosition: null };
    return { status: 'waitlisted', waitlistPosition: seats.waitlisted + 1 };
  }

  /** The three limits together: the mission's capacity, the category's capacity, the quota of the delegation and of every delegation above it. */
  static canSeat(delegation: string | null, seats: Seats, category: string | null = null): boolean {
    if (seats.confirmed >= seats.capacity) return false;
    if (category !== null) {
      const capacity = capacityOf(seats, category);
      if (capacity !== undefined && capacity !== null && (seats.confirmedByCategory?.[category] ?? 0) >= capacity) return false;
    }
    if (delegation === null) return true;
    return SeatRules.quotaChain(seats, delegation).every((key) => (seats.confirmedByDelegation[key] ?? 0) < quotaOf(seats, key)!);
  }

  /** The delegation and those it lies within, nearest first, that have a quota. */
  static quotaChain(seats: Pick<Seats, 'delegationQuotas' | 'delegationParents'>, delegation: string): string[] {
    return SeatRules.chain(seats.delegationParents ?? {}, delegation).filter((key) => quotaOf(seats, key) !== undefined);
  }

  /** The delegation and those it lies within, nearest first (a cycle, which the delegations' rules refuse, ends the walk). */
  static chain(parents: Readonly<Record<string, string | null>>, delegation: string): string[] {
    const parentOf = (key: string) => (Object.hasOwn(parents, key) ? parents[key] : null);
    const chain = [delegation];
    for (let parent = parentOf(delegation); parent && !chain.includes(parent); parent = parentOf(parent)) chain.push(parent);
    return chain;
  }

  /** Confirmed seats per delegation counted on their own, added up into every delegation above them, kept for the ones with a quota. */
  static rollUp(seats: Pick<Seats, 'delegationQuotas' | 'delegationParents'>, own: Readonly<Record<string, number>>): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [delegation, count] of Object.entries(own)) {
      for (const key of SeatRules.quotaChain(seats, delegation)) counts[key] = (counts[key] ?? 0) + count;
    }
    return counts;
  }

  /**
   * Whether a confirmed seat may move from one delegation to another: each quota it enters (one of
   * `to`'s chain it was not under before) must have room; capacity is untouched, the seat is held.
   */
  static canMoveSeat(
    from: string | null,
    to: string | null,
    seats: Seats,
  ): { allowed: true } | { allowed: false; delegation: string; quota: number; confirmed: number } {
    if (to === null || to === from) return { allowed: true };
    const left = new Set(from === null ? [] : SeatRules.chain(seats.delegationParents ?? {}, from));
    for (const key of SeatRules.quotaChain(seats, to)) {
      if (left.has(key)) continue;
      const quota = quotaOf(seats, key)!;
      const confirmed = seats.confirmedByDelegation[key] ?? 0;
      if (confirmed >= quota) return { allowed: false, delegation: key, quota, confirmed };
    }
    return { allowed: true };
  }

  static freeSeats(seats: Seats): number {
    return Math.max(0, seats.capacity - seats.confirmed);
  }

  /** The seats after one more confirmed registration of `delegation` (counted up its quota chain) and of `category`. */
  static afterConfirming(seats: Seats, delegation: string | null, category: string | null = null): Seats {
    const counted = delegation === null ? [] : SeatRules.quotaChain(seats, delegation);
    const confirmedByDelegation = counted.length > 0 ? { ...seats.confirmedByDelegation } : seats.confirmedByDelegation;
    for (const key of counted) (confirmedByDelegation as Record<string, number>)[key] = (confirmedByDelegation[key] ?? 0) + 1;
    return {
      ...seats,
      ...(category !== null ? { confirmedByCategory: { ...seats.confirmedByCategory, [category]: (seats.confirmedByCategory?.[category] ?? 0) + 1 } } : {}),
      confirmed: seats.confirmed + 1,
      confirmedByDelegation,
    };
  }

  /**
   * Who of the waitlist (in its order) moves up into the free seats: first come, first served,
   * passing over someone whose delegation has used its quota, or whose category is full, who keeps
   * their place (docs/DESIGN.md, "Registration categories").
   */
  static promotions<T extends { delegation: string | null; categoryId?: string | null }>(
    waitlist: readonly T[],
    seats: Seats,
  ): { promoted: T[]; seats: Seats } {
    const promoted: T[] = [];
    for (const candidate of waitlist) {
      if (SeatRules.freeSeats(seats) === 0) break;
      const category = candidate.categoryId ?? null;
      if (!SeatRules.canSeat(candidate.delegation, seats, category)) continue;
      promoted.push(candidate);
      seats = { ...SeatRules.afterConfirming(seats, candidate.delegation, category), waitlisted: seats.waitlisted - 1 };
    }
    return { promoted, seats };
  }
}

function quotaOf(seats: Pick<Seats, 'delegationQuotas'>, delegation: string): number | undefined {
  return Object.hasOwn(seats.delegationQuotas, delegation) ? seats.delegationQuotas[delegation] : undefined;
}

function capacityOf(seats: Seats, category: string): number | null | undefined {
  return seats.categoryCapacities && Object.hasOwn(seats.categoryCapacities, category) ? seats.categoryCapacities[category] : undefined;
}
