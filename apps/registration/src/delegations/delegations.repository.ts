import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { Registration } from '../seats/registration.js';
import { registrationColumns, toRegistration, type RegistrationRow } from '../seats/seats.repository.js';
import type { Delegation, DelegationCounts } from './delegation.js';

interface DelegationRow {
  id: string;
  mission_id: string;
  name: string;
  names: Record<string, string>;
  country: string;
  city: string | null;
  parent_id: string | null;
  head_registration_id: string | null;
  precedence: number;
  quota: number | null;
  created_at: Date;
  updated_at: Date;
}

const columns = `id, mission_id, name, names, country, city, parent_id, head_registration_id, precedence, quota, created_at, updated_at`;

function toDelegation(row: DelegationRow): Delegation {
  return {
    id: row.id,
    missionId: row.mission_id,
    name: row.name,
    names: row.names,
    country: row.country,
    city: row.city,
    parentId: row.parent_id,
    headRegistrationId: row.head_registration_id,
    precedence: row.precedence,
    quota: row.quota,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The SQL of delegations, and of their members' delegation columns on `registrations`. */
@Injectable()
export class DelegationsRepository {
  /** The mission's delegations in order of precedence. */
  async ofMission(unit: UnitOfWork, missionId: string): Promise<Delegation[]> {
    const rows = await unit.query<DelegationRow>(sql(`SELECT ${columns} FROM delegations WHERE mission_id = $1 ORDER BY precedence, name`, [missionId]));
    return rows.map(toDelegation);
  }

  async find(unit: UnitOfWork, id: string): Promise<Delegation | null> {
    const [row] = await unit.query<DelegationRow>(sql(`SELECT ${columns} FROM delegations WHERE id = $1`, [id]));
    return row ? toDelegation(row) : null;
  }

  /** Inserts the delegation, or writes every field of it. */
  async save(unit: UnitOfWork, delegation: Delegation): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO delegations (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, names = EXCLUDED.names, country = EXCLUDED.country, city = EXCLUDED.city,
           parent_id = EXCLUDED.parent_id, head_registration_id = EXCLUDED.head_registration_id, precedence = EXCLUDED.precedence,
           quota = EXCLUDED.quota, updated_at = EXCLUDED.updated_at`,
        [
          delegation.id,
          delegation.missionId,
          delegation.name,
          JSON.stringify(delegation.names),
          delegation.country,
          delegation.city,
          delegation.parentId,
          delegation.headRegistrationId,
          delegation.precedence,
          delegation.quota,
          delegation.createdAt,
          delegation.updatedAt,
        ],
      ),
    );
  }

  async remove(unit: UnitOfWork, id: string): Promise<void> {
    await unit.query(sql(`DELETE FROM delegations WHERE id = $1`, [id]));
  }

  /** Each delegation's own registrations per state (cancelled and rejected ones are not counted). */
  async counts(unit: UnitOfWork, missionId: string): Promise<Map<string, DelegationCounts>> {
    const rows = await unit.query<{ delegation_id: string; confirmed: number; waitlisted: number; pending: number }>(
      sql(
        `SELECT delegation_id, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted, count(*) FILTER (WHERE status = 'pending_approval')::int AS pending
           FROM registrations WHERE mission_id = $1 AND delegation_id IS NOT NULL GROUP BY delegation_id`,
        [missionId],
      ),
    );
    return new Map(rows.map((row) => [row.delegation_id, { confirmed: row.confirmed, waitlisted: row.waitlisted, pendingApproval: row.pending }]));
  }

  /** The registrations of the given delegations that are not cancelled or rejected, in arrival order. */
  async members(unit: UnitOfWork, delegationIds: readonly string[]): Promise<Registration[]> {
    const rows = await unit.query<RegistrationRow>(
      sql(
        `SELECT ${registrationColumns} FROM registrations
          WHERE delegation_id = ANY($1::uuid[]) AND status IN ('pending_approval', 'confirmed', 'waitlisted') ORDER BY seq`,
        [delegationIds],
      ),
    );
    return rows.map(toRegistration);
  }

  /** Whether any registration, whatever its state, belongs to the delegation. */
  async hasRegistrations(unit: UnitOfWork, id: string): Promise<{ active: boolean; any: boolean }> {
    const [row] = await unit.query<{ active: boolean; any: boolean }>(
      sql(
        `SELECT bool_or(status IN ('pending_approval', 'confirmed', 'waitlisted')) IS TRUE AS active, count(*) > 0 AS any
           FROM registrations WHERE delegation_id = $1`,
        [id],
      ),
    );
    return row!;
  }

  /** The registration, locked until the transaction ends. */
  async lockRegistration(unit: UnitOfWork, id: string): Promise<Registration | null> {
    const [row] = await unit.query<RegistrationRow>(sql(`SELECT ${registrationColumns} FROM registrations WHERE id = $1 FOR UPDATE`, [id]));
    return row ? toRegistration(row) : null;
  }

  /**
   * Moves every registration of `from` (any state) to `to` (its id and name; null: no delegation),
   * returning the moved ones as they are now. Their roles go: they were roles in the old delegation.
   */
  async moveAll(unit: UnitOfWork, from: string, to: { id: string; name: string } | null, at: Date): Promise<Registration[]> {
    const rows = await unit.query<RegistrationRow>(
      sql(
        `UPDATE registrations SET delegation_id = $2, delegation = $3, delegation_role = NULL, updated_at = $4
          WHERE delegation_id = $1 RETURNING ${registrationColumns}`,
        [from, to?.id ?? null, to?.name ?? null, at],
      ),
    );
    return rows.map(toRegistration);
  }

  /** The delegation's registrations (cancelled or rejected ones, as `remove` leaves them) lose it but keep its name. */
  async detach(unit: UnitOfWork, id: string): Promise<void> {
    await unit.query(sql(`UPDATE registrations SET delegation_id = NULL WHERE delegation_id = $1`, [id]));
  }

  /** The delegation's registrations spell its new name; returns the changed ones. */
  async rename(unit: UnitOfWork, id: string, name: string, at: Date): Promise<Registration[]> {
    const rows = await unit.query<RegistrationRow>(
      sql(
        `UPDATE registrations SET delegation = $2, updated_at = $3 WHERE delegation_id = $1 AND delegation IS DISTINCT FROM $2
          RETURNING ${registrationColumns}`,
        [id, name, at],
      ),
    );
    return rows.map(toRegistration);
  }

  /** One registration's delegation and role. */
  async setMembership(unit: UnitOfWork, registrationId: string, to: { id: string; name: string } | null, role: string | null, at: Date): Promise<void> {
    await unit.query(
      sql(`UPDATE registrations SET delegation_id = $2, delegation = $3, delegation_role = $4, updated_at = $5 WHERE id = $1`, [
        registrationId,
        to?.id ?? null,
        to?.name ?? null,
        role,
        at,
      ]),
    );
  }

  /** The delegations that `registrationId` heads lose their head; returns them as they are now. */
  async clearHead(unit: UnitOfWork, registrationId: string, at: Date): Promise<Delegation[]> {
    const rows = await unit.query<DelegationRow>(
      sql(`UPDATE delegations SET head_registration_id = NULL, updated_at = $2 WHERE head_registration_id = $1 RETURNING ${columns}`, [registrationId, at]),
    );
    return rows.map(toDelegation);
  }

  /** Of the given registrations, those of the mission (whatever their state) that are not erased. */
  async registrationOfMission(unit: UnitOfWork, missionId: string, registrationId: string): Promise<boolean> {
    const [row] = await unit.query<{ found: boolean }>(
      sql(`SELECT EXISTS (SELECT 1 FROM registrations WHERE id = $1 AND mission_id = $2 AND erased_at IS NULL) AS found`, [registrationId, missionId]),
    );
    return row!.found;
  }
}
