import { sql, type UnitOfWork } from '#common';
import type { RegistrationStatus } from '#contracts';
import { Injectable } from '@nestjs/common';
import { missionColumns, toMission, type MissionRow } from '../missions/missions.repository.js';
import type { MissionOfEvents } from '../missions/mission.js';
import type { Registration, RegistrationChange } from './registration.js';
import type { DelegationOfSeats, RegistrationSettings, SettingsOfRegistration } from './seats.rules.js';

/** A row of `registrations`. */
export interface RegistrationRow {
  id: string;
  seq: string;
  mission_id: string;
  status: RegistrationStatus;
  email: string;
  given_name: string;
  family_name: string;
  job_title: string | null;
  organisation_name: string;
  organisation_type: Registration['organisationType'];
  organisation_country: string;
  organisation_city: string | null;
  delegation: string | null;
  category_id: string | null;
  category_code: string | null;
  answers: Registration['answers'];
  delegation_id: string | null;
  delegation_role: string | null;
  preferred_language: string;
  timezone: string;
  dietary: string | null;
  accessibility: string | null;
  consented_at: Date;
  token_hash: string | null;
  link_generation: number;
  token_generation: number;
  link_requested_at: Date | null;
  waitlist_order: string | null;
  rejection_reason: string | null;
  checked_in_at: Date | null;
  cancelled_at: Date | null;
  erased_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A registration's field and its column: what an update may set. */
export const registrationColumnOf: Record<keyof RegistrationChange, keyof RegistrationRow> = {
  status: 'status',
  email: 'email',
  givenName: 'given_name',
  familyName: 'family_name',
  jobTitle: 'job_title',
  organisationName: 'organisation_name',
  organisationType: 'organisation_type',
  organisationCountry: 'organisation_country',
  organisationCity: 'organisation_city',
  delegation: 'delegation',
  categoryId: 'category_id',
  categoryCode: 'category_code',
  answers: 'answers',
  delegationId: 'delegation_id',
  delegationRole: 'delegation_role',
  preferredLanguage: 'preferred_language',
  timezone: 'timezone',
  dietary: 'dietary',
  accessibility: 'accessibility',
  consentedAt: 'consented_at',
  tokenHash: 'token_hash',
  linkGeneration: 'link_generation',
  tokenGeneration: 'token_generation',
  linkRequestedAt: 'link_requested_at',
  waitlistOrder: 'waitlist_order',
  rejectionReason: 'rejection_reason',
  checkedInAt: 'checked_in_at',
  cancelledAt: 'cancelled_at',
  erasedAt: 'erased_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** Every column of a `RegistrationRow`. */
export const registrationColumns = `id, seq, mission_id, ${Object.values(registrationColumnOf).join(', ')}`;

export function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    seq: row.seq,
    missionId: row.mission_id,
    status: row.status,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    jobTitle: row.job_title,
    organisationName: row.organisation_name,
    organisationType: row.organisation_type,
    organisationCountry: row.organisation_country,
    organisationCity: row.organisation_city,
    delegation: row.delegation,
    categoryId: row.category_id,
    categoryCode: row.category_code,
    answers: row.answers,
    delegationId: row.delegation_id,
    delegationRole: row.delegation_role,
    preferredLanguage: row.preferred_language,
    timezone: row.timezone,
    dietary: row.dietary,
    accessibility: row.accessibility,
    consentedAt: row.consented_at,
    tokenHash: row.token_hash,
    linkGeneration: row.link_generation,
    tokenGeneration: row.token_generation,
    linkRequestedAt: row.link_requested_at,
    waitlistOrder: row.waitlist_order,
    rejectionReason: row.rejection_reason,
    checkedInAt: row.checked_in_at,
    cancelledAt: row.cancelled_at,
    erasedAt: row.erased_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A row of `registration_settings`. */
export interface RegistrationSettingsRow {
  mission_id: string;
  capacity: number;
  opens_at: Date | null;
  closes_at: Date | null;
  approval: RegistrationSettings['approval'];
  /** The mission's delegations (`delegationsOf`); the old `delegation_quotas` column is no longer read. */
  delegations: DelegationOfSeats[];
  confirmed_count: number;
  waitlisted_count: number;
  category_count: number;
  updated_by: string;
  created_at: Date;
  updated_at: Date;
}

/** The mission's delegations as a JSON array in order of precedence, read in the statement that takes (or reads) its settings. */
function delegationsOf(missionId: string): string {
  return `(SELECT coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name, 'names', d.names, 'parentId', d.parent_id, 'quota', d.quota)
                                    ORDER BY d.precedence, d.name), '[]')
             FROM delegations d WHERE d.mission_id = ${missionId}) AS delegations`;
}

const settingsColumns = `mission_id, capacity, opens_at, closes_at, approval, ${delegationsOf('registration_settings.mission_id')}, confirmed_count, waitlisted_count, category_count, updated_by, created_at, updated_at`;

export function toRegistrationSettings(row: RegistrationSettingsRow): RegistrationSettings {
  return { ...toSettingsOfRegistration(row.mission_id, row), updatedBy: row.updated_by, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** What deciding a registration reads of the settings. */
function toSettingsOfRegistration(
  missionId: string,
  row: Omit<LockedForRegistrationRow, keyof MissionRow>,
): Omit<RegistrationSettings, 'updatedBy' | 'createdAt' | 'updatedAt'> {
  return {
    missionId,
    capacity: row.capacity,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    approval: row.approval,
    delegations: row.delegations,
    delegationQuotas: Object.fromEntries(row.delegations.flatMap((delegation) => (delegation.quota === null ? [] : [[delegation.id, delegation.quota]]))),
    delegationParents: Object.fromEntries(row.delegations.map((delegation) => [delegation.id, delegation.parentId])),
    confirmedCount: row.confirmed_count,
    waitlistedCount: row.waitlisted_count,
    categoryCount: row.category_count,
  };
}

type LockedForRegistrationRow = Pick<
  RegistrationSettingsRow,
  'capacity' | 'opens_at' | 'closes_at' | 'approval' | 'delegations' | 'confirmed_count' | 'waitlisted_count' | 'category_count'
> &
  Omit<MissionRow, 'id'>;

/** The SQL of a mission's seats: its settings row (the lock), the counts, the waitlist. */
@Injectable()
export class SeatsRepository {
  /** The mission's settings, locked until the transaction ends (the row every change of a seat takes). */
  async lock(unit: UnitOfWork, missionId: string): Promise<RegistrationSettings | null> {
    const [row] = await unit.query<RegistrationSettingsRow>(
      sql(`SELECT ${settingsColumns} FROM registration_settings WHERE mission_id = $1 FOR UPDATE`, [missionId]),
    );
    return row ? toRegistrationSettings(row) : null;
  }

  /** The mission's settings, unlocked. */
  async find(unit: UnitOfWork, missionId: string): Promise<RegistrationSettings | null> {
    const [row] = await unit.query<RegistrationSettingsRow>(sql(`SELECT ${settingsColumns} FROM registration_settings WHERE mission_id = $1`, [missionId]));
    return row ? toRegistrationSettings(row) : null;
  }

  /**
   * Takes the mission's settings row for a group of registrations. With `emails`, which of them are
   * registered already is read in the same round trip, right after the lock (so under it): a group
   * is then decided in two round trips, the lock and the insert with the COMMIT, where it took three.
   */
  async lockForRegistration(
    unit: UnitOfWork,
    missionId: string,
    emails: readonly string[] = [],
  ): Promise<{ settings: SettingsOfRegistration; mission: MissionOfEvents; registered: string[] | null } | null> {
    const lock = sql(
      `SELECT s.capacity, s.opens_at, s.closes_at, s.approval, ${delegationsOf('s.mission_id')}, s.confirmed_count, s.waitlisted_count, s.category_count, ${missionColumns('m')}
         FROM registration_settings s JOIN missions m ON m.id = s.mission_id
        WHERE s.mission_id = $1
          FOR UPDATE OF s`,
      [missionId],
    );
    let row: LockedForRegistrationRow | undefined;
    let registered: string[] | null = null;
    if (emails.length > 0) {
      const locked = unit.defer<LockedForRegistrationRow>(lock, "the mission's lock");
      ({ registered } = await this.registeredAndConfirmed(unit, missionId, emails, []));
      [row] = await locked.result;
    } else {
      [row] = await unit.query<LockedForRegistrationRow>(lock);
    }
    if (!row) return null;
    const { id: _, ...mission } = toMission({ id: missionId, ...row });
    return { settings: toSettingsOfRegistration(missionId, row), mission, registered };
  }

  /**
   * Which of `emails` are registered to the mission (an active registration, compared as the unique
   * index does), the confirmed registrations of each of `delegations` (ids, each on its own), and with
   * `byCategory` of each category, in one statement.
   */
  async registeredAndConfirmed(
    unit: UnitOfWork,
    missionId: string,
    emails: readonly string[],
    delegations: readonly string[],
    byCategory = false,
  ): Promise<{ registered: string[]; confirmedByDelegation: Record<string, number>; confirmedByCategory: Record<string, number> }> {
    const rows = await unit.query<{ kind: 'registered' | 'confirmed' | 'category'; key: string; confirmed: number }>(
      sql(
        `SELECT 'registered' AS kind, e.email AS key, 0 AS confirmed FROM unnest($2::text[]) AS e (email)
          WHERE EXISTS (SELECT 1 FROM registrations r
                         WHERE r.mission_id = $1 AND lower(r.email) = lower(e.email) AND r.status IN ('pending_approval', 'confirmed', 'waitlisted'))
         UNION ALL
         SELECT 'confirmed', delegation_id::text, count(*)::int FROM registrations
          WHERE mission_id = $1 AND status = 'confirmed' AND delegation_id = ANY($3::uuid[])
          GROUP BY delegation_id
         UNION ALL
         SELECT 'category', category_id::text, count(*)::int FROM registrations
          WHERE $4 AND mission_id = $1 AND status = 'confirmed' AND category_id IS NOT NULL
          GROUP BY category_id`,
        [missionId, emails, delegations, byCategory],
      ),
    );
    const registered: string[] = [];
    const confirmedByDelegation: Record<string, number> = {};
    const confirmedByCategory: Record<string, number> = {};
    for (const row of rows) {
      if (row.kind === 'registered') registered.push(row.key);
      else if (row.kind === 'category') confirmedByCategory[row.key] = row.confirmed;
      else confirmedByDelegation[row.key] = row.confirmed;
    }
    return { registered, confirmedByDelegation, confirmedByCategory };
  }

  /** Each category of the mission: its capacity (null: none of its own) and its confirmed registrations. */
  async categorySeats(unit: UnitOfWork, missionId: string): Promise<{ id: string; capacity: number | null; confirmed: number }[]> {
    return unit.query<{ id: string; capacity: number | null; confirmed: number }>(
      sql(
        `SELECT c.id, c.capacity,
                (SELECT count(*)::int FROM registrations r WHERE r.category_id = c.id AND r.status = 'confirmed') AS confirmed
           FROM registration_categories c
          WHERE c.mission_id = $1`,
        [missionId],
      ),
    );
  }

  /** The mission's waitlist after place `after`, in its order, at most `limit`. */
  async waitlist(unit: UnitOfWork, missionId: string, after: string, limit: number): Promise<Registration[]> {
    const rows = await unit.query<RegistrationRow>(
      sql(
        `SELECT ${registrationColumns} FROM registrations
          WHERE mission_id = $1 AND status = 'waitlisted' AND waitlist_order > $2
          ORDER BY waitlist_order ASC LIMIT $3`,
        [missionId, after, limit],
      ),
    );
    return rows.map(toRegistration);
  }

  /** The registrations `ids` take a seat. */
  async confirm(unit: UnitOfWork, ids: readonly string[], at: Date): Promise<void> {
    await unit.query(sql(`UPDATE registrations SET status = 'confirmed', updated_at = $2 WHERE id = ANY($1::uuid[])`, [ids, at]));
  }

  /** Each waitlisted one's place in its mission's waitlist, 1 for the next in line. */
  async waitlistPositions(unit: UnitOfWork, ids: readonly string[]): Promise<Map<string, number>> {
    const rows = await unit.query<{ id: string; position: number }>(
      sql(
        `SELECT r.id, (SELECT count(*)::int FROM registrations w
                        WHERE w.mission_id = r.mission_id AND w.status = 'waitlisted' AND w.waitlist_order <= r.waitlist_order) AS position
           FROM registrations r
          WHERE r.id = ANY($1::uuid[]) AND r.status = 'waitlisted'`,
        [ids],
      ),
    );
    return new Map(rows.map((row) => [row.id, row.position]));
  }
}
