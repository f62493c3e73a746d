import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import { In, MoreThan, type EntityManager } from 'typeorm';
import type { MissionEntity } from '../missions/mission.entity.js';
import { RegistrationSettingsEntity } from '../settings/registration-settings.entity.js';
import { RegistrationEntity } from './registration.entity.js';
import { RegistrationEvents } from './registration.events.js';
import { RegistrationRules, type Seats } from './registration.rules.js';

const WAITLIST_BATCH = 200;

/**
 * The seats of one mission. Every transaction that confirms, waitlists or frees a seat first locks
 * the mission's settings row (`lock`), so concurrent registrations to one mission take turns while
 * other missions are not held up. The counters on that row are kept by a trigger on registrations;
 * `lock` reads them after the previous holder committed, so they are the seats as they are.
 */
@Injectable()
export class MissionSeats {
  constructor(private readonly events: RegistrationEvents) {}

  /** Waits for the mission's lock and reads its settings and counters (again, if already held). */
  lock(manager: EntityManager, missionId: string): Promise<RegistrationSettingsEntity | null> {
    return manager.findOne(RegistrationSettingsEntity, { where: { missionId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The seats as they stand, counting confirmed registrations of the given delegations that have a quota. */
  async of(manager: EntityManager, settings: RegistrationSettingsEntity, delegations: readonly (string | null)[]): Promise<Seats> {
    const quoted = delegations.filter((delegation): delegation is string => delegation !== null && Object.hasOwn(settings.delegationQuotas, delegation));
    const confirmedByDelegation: Record<string, number> = {};
    if (quoted.length > 0) {
      const rows: { delegation: string; confirmed: number }[] = await manager.query(
        `SELECT delegation, count(*)::int AS confirmed FROM registrations
          WHERE mission_id = $1 AND status = 'confirmed' AND delegation = ANY($2::text[])
          GROUP BY delegation`,
        [settings.missionId, quoted],
      );
      for (const row of rows) confirmedByDelegation[row.delegation] = row.confirmed;
    }
    return {
      capacity: settings.capacity,
      confirmed: settings.confirmedCount,
      waitlisted: settings.waitlistedCount,
      delegationQuotas: settings.delegationQuotas,
      confirmedByDelegation,
    };
  }

  /**
   * Gives free seats to the waitlist, first come first served (see RegistrationRules.promotions),
   * announcing each as `registration.confirmed` from `waitlisted`.
   */
  async fillFromWaitlist(manager: EntityManager, missionId: string, mission: MissionEntity, cause?: CloudEvent): Promise<RegistrationEntity[]> {
    const filled: RegistrationEntity[] = [];
    const settings = await this.lock(manager, missionId);
    if (!settings) return filled;
    let seats = await this.of(manager, settings, Object.keys(settings.delegationQuotas));
    let after = '0';
    while (RegistrationRules.freeSeats(seats) > 0 && seats.waitlisted > 0) {
      const waitlist = await manager.find(RegistrationEntity, {
        where: { missionId: settings.missionId, status: 'waitlisted', waitlistOrder: MoreThan(after) },
        order: { waitlistOrder: 'ASC' },
        take: WAITLIST_BATCH,
      });
      if (waitlist.length === 0) break;
      after = waitlist.at(-1)!.waitlistOrder!;
      const { promoted, seats: next } = RegistrationRules.promotions(waitlist, seats);
      seats = next;
      if (promoted.length === 0) continue;

      const occurredAt = new Date();
      await manager.update(RegistrationEntity, { id: In(promoted.map((registration) => registration.id)) }, { status: 'confirmed', updatedAt: occurredAt });
      for (const registration of promoted) {
        Object.assign(registration, { status: 'confirmed', updatedAt: occurredAt });
        await this.events.announce(manager, registration, mission, { previousStatus: 'waitlisted', waitlistPosition: null, occurredAt }, cause);
        filled.push(registration);
      }
    }
    return filled;
  }

  /** 1 for the next in line, for each of the given registrations that is waitlisted. */
  async waitlistPositions(manager: EntityManager, registrations: readonly RegistrationEntity[]): Promise<Map<string, number>> {
    const waitlisted = registrations.filter((registration) => registration.status === 'waitlisted');
    if (waitlisted.length === 0) return new Map();
    const rows: { id: string; position: number }[] = await manager.query(
      `SELECT r.id, (SELECT count(*)::int FROM registrations w
                      WHERE w.mission_id = r.mission_id AND w.status = 'waitlisted' AND w.waitlist_order <= r.waitlist_order) AS position
         FROM registrations r
        WHERE r.id = ANY($1::uuid[]) AND r.status = 'waitlisted'`,
      [waitlisted.map((registration) => registration.id)],
    );
    return new Map(rows.map((row) => [row.id, row.position]));
  }
}
