import type { UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { MissionOfEvents } from '../missions/mission.js';
import type { Registration } from './registration.js';
import { RegistrationEvents } from './registration.events.js';
import { SeatsRepository } from './seats.repository.js';
import { SeatRules, type RegistrationSettings, type Seats, type SettingsOfRegistration, type SettingsOfSeats } from './seats.rules.js';

const WAITLIST_BATCH = 200;

/**
 * The seats of one mission: every change of a seat first locks the mission's settings row, whose
 * counters a trigger keeps. docs/DESIGN.md, "Inside registration", says why this is enough.
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly repository: SeatsRepository,
    private readonly events: RegistrationEvents,
  ) {}

  /** Waits for the mission's lock and reads its settings and counters (again, if already held). */
  lock(unit: UnitOfWork, missionId: string): Promise<RegistrationSettings | null> {
    return this.repository.lock(unit, missionId);
  }

  /** The mission's settings and counters, unlocked. */
  find(unit: UnitOfWork, missionId: string): Promise<RegistrationSettings | null> {
    return this.repository.find(unit, missionId);
  }

  /**
   * `lock` for the registration form, with what its events say about the mission and which of
   * `emails` are registered already, in one round trip; null when the settings or the mission is missing.
   */
  lockForRegistration(
    unit: UnitOfWork,
    missionId: string,
    emails: readonly string[] = [],
  ): Promise<{ settings: SettingsOfRegistration; mission: MissionOfEvents; registered: string[] | null } | null> {
    return this.repository.lockForRegistration(unit, missionId, emails);
  }

  /** The seats as they stand, counting confirmed registrations of the given delegations that have a quota. */
  async of(unit: UnitOfWork, settings: SettingsOfSeats, delegations: readonly (string | null)[]): Promise<Seats> {
    return this.forGroup(unit, settings, delegations);
  }

  /**
   * `of` under the mission's lock, so the answer holds until commit; no read when nothing has a quota.
   * With `countCategories`, the confirmed seats per category are counted too (their capacities are the
   * caller's to add). Which e-mail addresses are taken is read with the lock (`lockForRegistration`).
   */
  async forGroup(unit: UnitOfWork, settings: SettingsOfSeats, delegations: readonly (string | null)[], countCategories = false): Promise<Seats> {
    // Quotas the given delegations count against, and every delegation whose seats count against them.
    const quotas = new Set(delegations.flatMap((delegation) => (delegation === null ? [] : SeatRules.quotaChain(settings, delegation))));
    const counted = Object.keys(settings.delegationParents).filter((id) => SeatRules.chain(settings.delegationParents, id).some((key) => quotas.has(key)));
    const { confirmedByDelegation, confirmedByCategory } =
      counted.length > 0 || countCategories
        ? await this.repository.registeredAndConfirmed(unit, settings.missionId, [], counted, countCategories)
        : { confirmedByDelegation: {}, confirmedByCategory: {} };
    return {
      capacity: settings.capacity,
      confirmed: settings.confirmedCount,
      waitlisted: settings.waitlistedCount,
      delegationQuotas: settings.delegationQuotas,
      delegationParents: settings.delegationParents,
      confirmedByDelegation: SeatRules.rollUp(settings, confirmedByDelegation),
      ...(countCategories ? { confirmedByCategory } : {}),
    };
  }

  /** `seats` with the capacities and confirmed seats of the mission's categories, when it has any. */
  async withCategories(unit: UnitOfWork, settings: SettingsOfSeats, seats: Seats): Promise<Seats> {
    if (settings.categoryCount === 0) return seats;
    const categories = await this.repository.categorySeats(unit, settings.missionId);
    return {
      ...seats,
      categoryCapacities: Object.fromEntries(categories.map((category) => [category.id, category.capacity])),
      confirmedByCategory: Object.fromEntries(categories.map((category) => [category.id, category.confirmed])),
    };
  }

  /**
   * Gives free seats to the waitlist, first come first served (see SeatRules.promotions),
   * announcing each as `registration.confirmed` from `waitlisted`.
   */
  async fillFromWaitlist(unit: UnitOfWork, missionId: string, mission: MissionOfEvents, cause?: CloudEvent): Promise<Registration[]> {
    const filled: Registration[] = [];
    const settings = await this.lock(unit, missionId);
    if (!settings) return filled;
    let seats = await this.withCategories(unit, settings, await this.of(unit, settings, Object.keys(settings.delegationQuotas)));
    let after = '0';
    while (SeatRules.freeSeats(seats) > 0 && seats.waitlisted > 0) {
      const waitlist = await this.repository.waitlist(unit, settings.missionId, after, WAITLIST_BATCH);
      if (waitlist.length === 0) break;
      after = waitlist.at(-1)!.waitlistOrder!;
      // Quotas are the delegations' (by id); a free-text delegation has none. Categories' capacities by category id.
      const { promoted: keyed, seats: next } = SeatRules.promotions(
        waitlist.map((registration) => ({ registration, delegation: registration.delegationId, categoryId: registration.categoryId })),
        seats,
      );
      const promoted = keyed.map(({ registration }) => registration);
      seats = next;
      if (promoted.length === 0) continue;

      const occurredAt = new Date();
      await this.repository.confirm(
        unit,
        promoted.map((registration) => registration.id),
        occurredAt,
      );
      for (const registration of promoted) {
        Object.assign(registration, { status: 'confirmed', updatedAt: occurredAt });
        await this.events.announce(unit, registration, mission, { previousStatus: 'waitlisted', waitlistPosition: null, occurredAt }, cause);
        filled.push(registration);
      }
    }
    return filled;
  }

  /** 1 for the next in line, for each of the given registrations that is waitlisted. */
  async waitlistPositions(unit: UnitOfWork, registrations: readonly Registration[]): Promise<Map<string, number>> {
    const waitlisted = registrations.filter((registration) => registration.status === 'waitlisted');
    if (waitlisted.length === 0) return new Map();
    return this.repository.waitlistPositions(
      unit,
      waitlisted.map((registration) => registration.id),
    );
  }
}
