import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { MissionEntity, MissionOfEvents } from '../missions/mission.entity.js';
import { RegistrationSettingsEntity } from '../settings/registration-settings.entity.js';
import { RegistrationEntity, registrationsWithTokenHash } from './registration.entity.js';
import { RegistrationEvents } from './registration.events.js';
import { RegistrationRules, type Seats } from './registration.rules.js';

const WAITLIST_BATCH = 200;

/** What the seats are computed from. */
type SettingsOfSeats = Pick<RegistrationSettingsEntity, 'missionId' | 'capacity' | 'delegationQuotas' | 'confirmedCount' | 'waitlistedCount'>;
/** What the registration form decides on. */
export type SettingsOfRegistration = SettingsOfSeats & Pick<RegistrationSettingsEntity, 'opensAt' | 'closesAt' | 'approval'>;

interface LockedForRegistration {
  capacity: number;
  opens_at: Date | null;
  closes_at: Date | null;
  approval: RegistrationSettingsEntity['approval'];
  delegation_quotas: Record<string, number>;
  confirmed_count: number;
  waitlisted_count: number;
  code: string;
  title: string;
  starts_on: string;
  ends_on: string;
  timezone: string;
}

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

  /**
   * `lock` for the registration form, in one round trip with what its events say about the
   * mission; null when either is missing. Plain SQL: it runs for every registration, under the lock.
   */
  async lockForRegistration(manager: EntityManager, missionId: string): Promise<{ settings: SettingsOfRegistration; mission: MissionOfEvents } | null> {
    const [row]: LockedForRegistration[] = await manager.query(
      `SELECT s.capacity, s.opens_at, s.closes_at, s.approval, s.delegation_quotas, s.confirmed_count, s.waitlisted_count,
              m.code, m.title, m.starts_on::text AS starts_on, m.ends_on::text AS ends_on, m.timezone
         FROM registration_settings s JOIN missions m ON m.id = s.mission_id
        WHERE s.mission_id = $1
          FOR UPDATE OF s`,
      [missionId],
    );
    if (!row) return null;
    return {
      settings: {
        missionId,
        capacity: row.capacity,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        approval: row.approval,
        delegationQuotas: row.delegation_quotas,
        confirmedCount: row.confirmed_count,
        waitlistedCount: row.waitlisted_count,
      },
      mission: { code: row.code, title: row.title, startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone },
    };
  }

  /** The seats as they stand, counting confirmed registrations of the given delegations that have a quota. */
  async of(manager: EntityManager, settings: SettingsOfSeats, delegations: readonly (string | null)[]): Promise<Seats> {
    return (await this.forGroup(manager, settings, [], delegations)).seats;
  }

  /**
   * `of`, and which of `emails` are registered to the mission already (an active registration, the
   * address compared as the unique index does), in one round trip; none when there is nothing to ask.
   * Read under the mission's lock, which every new registration takes, so the answer holds until commit.
   */
  async forGroup(
    manager: EntityManager,
    settings: SettingsOfSeats,
    emails: readonly string[],
    delegations: readonly (string | null)[],
  ): Promise<{ seats: Seats; registered: string[] }> {
    const quoted = [...new Set(delegations)].filter(
      (delegation): delegation is string => delegation !== null && Object.hasOwn(settings.delegationQuotas, delegation),
    );
    const confirmedByDelegation: Record<string, number> = {};
    const registered: string[] = [];
    if (quoted.length > 0 || emails.length > 0) {
      const rows: { kind: 'registered' | 'confirmed'; key: string; confirmed: number }[] = await manager.query(
        `SELECT 'registered' AS kind, e.email AS key, 0 AS confirmed FROM unnest($2::text[]) AS e (email)
          WHERE EXISTS (SELECT 1 FROM registrations r
                         WHERE r.mission_id = $1 AND lower(r.email) = lower(e.email) AND r.status IN ('pending_approval', 'confirmed', 'waitlisted'))
         UNION ALL
         SELECT 'confirmed', delegation, count(*)::int FROM registrations
          WHERE mission_id = $1 AND status = 'confirmed' AND delegation = ANY($3::text[])
          GROUP BY delegation`,
        [settings.missionId, emails, quoted],
      );
      for (const row of rows) {
        if (row.kind === 'registered') registered.push(row.key);
        else confirmedByDelegation[row.key] = row.confirmed;
      }
    }
    return {
      seats: {
        capacity: settings.capacity,
        confirmed: settings.confirmedCount,
        waitlisted: settings.waitlistedCount,
        delegationQuotas: settings.delegationQuotas,
        confirmedByDelegation,
      },
      registered,
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
      const waitlist = await registrationsWithTokenHash(manager)
        .where(`registration.missionId = :missionId AND registration.status = 'waitlisted' AND registration.waitlistOrder > :after`, {
          missionId: settings.missionId,
          after,
        })
        .orderBy('registration.waitlistOrder', 'ASC')
        .limit(WAITLIST_BATCH)
        .getMany();
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
