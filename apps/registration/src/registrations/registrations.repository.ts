import { sql, type Statement, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { NewRegistration, Registration, RegistrationChange } from '../seats/registration.js';
import { registrationColumnOf, registrationColumns, toRegistration, type RegistrationRow } from '../seats/seats.repository.js';
import type { RegistrationListQuery } from './registration.schema.js';

export type RegistrationFilters = Pick<RegistrationListQuery, 'status' | 'delegation' | 'delegationId' | 'country' | 'category'>;

/** A registration of the organisers' list, with the name of the delegation its delegation lies within. */
export type ListedRegistration = Registration & { parentDelegation: string | null };

/** The columns a new registration is inserted with, and their types (each sent as an array). */
const insertColumns = [
  ['id', 'uuid'],
  ['status', 'text'],
  ['email', 'text'],
  ['given_name', 'text'],
  ['family_name', 'text'],
  ['job_title', 'text'],
  ['organisation_name', 'text'],
  ['organisation_type', 'text'],
  ['organisation_country', 'text'],
  ['organisation_city', 'text'],
  ['delegation', 'text'],
  ['delegation_id', 'uuid'],
  ['category_id', 'uuid'],
  ['category_code', 'text'],
  ['answers', 'jsonb'],
  ['preferred_language', 'text'],
  ['timezone', 'text'],
  ['dietary', 'text'],
  ['accessibility', 'text'],
  ['consented_at', 'timestamptz'],
  ['token_hash', 'text'],
  ['created_at', 'timestamptz'],
] as const;

/** The SQL of the registrations table (its seats' reads and the waitlist are in seats/). */
@Injectable()
export class RegistrationsRepository {
  async find(unit: UnitOfWork, id: string): Promise<Registration | null> {
    const [row] = await unit.query<RegistrationRow>(sql(`SELECT ${registrationColumns} FROM registrations WHERE id = $1`, [id]));
    return row ? toRegistration(row) : null;
  }

  /** The registration, locked until the transaction ends. */
  async lock(unit: UnitOfWork, id: string): Promise<Registration | null> {
    const [row] = await unit.query<RegistrationRow>(sql(`SELECT ${registrationColumns} FROM registrations WHERE id = $1 FOR UPDATE`, [id]));
    return row ? toRegistration(row) : null;
  }

  /** Writes `change` to the registration's row. */
  async update(unit: UnitOfWork, id: string, change: RegistrationChange): Promise<void> {
    const fields = (Object.keys(change) as (keyof RegistrationChange)[]).filter((field) => change[field] !== undefined);
    if (fields.length === 0) return;
    const assignments = fields.map((field, index) => `${registrationColumnOf[field]} = $${index + 2}`);
    await unit.query(sql(`UPDATE registrations SET ${assignments.join(', ')} WHERE id = $1`, [id, ...fields.map((field) => change[field])]));
  }

  /** A page of the mission's registrations in arrival order, after `after` (keyset pagination). */
  async page(unit: UnitOfWork, missionId: string, filters: RegistrationFilters, after: string | null, take: number): Promise<ListedRegistration[]> {
    const values: unknown[] = [missionId];
    const where = ['mission_id = $1'];
    const and = (condition: string, value: unknown) => {
      values.push(value);
      where.push(`${condition} $${values.length}`);
    };
    if (filters.status) and('status =', filters.status);
    if (filters.delegation) and('delegation =', filters.delegation);
    if (filters.delegationId) {
      values.push(filters.delegationId);
      where.push(`delegation_id IN (WITH RECURSIVE within (id) AS (SELECT id FROM delegations WHERE id = $${values.length}
                                     UNION ALL SELECT d.id FROM delegations d JOIN within w ON d.parent_id = w.id)
                                   SELECT id FROM within)`);
    }
    if (filters.country) and('organisation_country =', filters.country);
    if (filters.category) and('category_code =', filters.category);
    if (after) and('seq >', after);
    values.push(take);
    const rows = await unit.query<RegistrationRow & { parent_delegation: string | null }>(
      sql(
        `SELECT ${registrationColumns},
                (SELECT p.name FROM delegations d JOIN delegations p ON p.id = d.parent_id WHERE d.id = registrations.delegation_id) AS parent_delegation
           FROM registrations WHERE ${where.join(' AND ')} ORDER BY seq ASC LIMIT $${values.length}`,
        values,
      ),
    );
    return rows.map((row) => ({ ...toRegistration(row), parentDelegation: row.parent_delegation }));
  }

  /** The registration whose access token has this hash. */
  async ownerOfToken(unit: UnitOfWork, tokenHash: string): Promise<{ id: string; missionId: string } | null> {
    const [row] = await unit.query<Pick<RegistrationRow, 'id' | 'mission_id'>>(
      sql(`SELECT id, mission_id FROM registrations WHERE token_hash = $1 LIMIT 1`, [tokenHash]),
    );
    return row ? { id: row.id, missionId: row.mission_id } : null;
  }

  /** The next place in the waitlist order (one sequence for every mission). */
  async nextWaitlistOrder(unit: UnitOfWork): Promise<string> {
    const [row] = await unit.query<{ value: string }>(sql(`SELECT nextval('registration_waitlist_order')::text AS value`));
    return row!.value;
  }

  /**
   * New registrations of one mission as one INSERT, each column an array (the same text for any
   * number of rows, prepared once); a waitlisted one takes the next place in the waitlist order, in the order given.
   */
  statementToInsert(registrations: readonly NewRegistration[]): Statement {
    const names = insertColumns.map(([name]) => name);
    return sql(
      `INSERT INTO registrations (mission_id, ${names.join(', ')}, updated_at, waitlist_order)
          SELECT $1::uuid, ${names.join(', ')}, created_at,
                 CASE WHEN status = 'waitlisted' THEN nextval('registration_waitlist_order') END
            FROM unnest(${insertColumns.map(([, type], index) => `$${index + 2}::${type}[]`).join(', ')}) WITH ORDINALITY AS r (${names.join(', ')}, n)
           ORDER BY n`,
      [
        registrations[0]!.missionId,
        registrations.map((r) => r.id),
        registrations.map((r) => r.status),
        registrations.map((r) => r.email),
        registrations.map((r) => r.givenName),
        registrations.map((r) => r.familyName),
        registrations.map((r) => r.jobTitle),
        registrations.map((r) => r.organisationName),
        registrations.map((r) => r.organisationType),
        registrations.map((r) => r.organisationCountry),
        registrations.map((r) => r.organisationCity),
        registrations.map((r) => r.delegation),
        registrations.map((r) => r.delegationId),
        registrations.map((r) => r.categoryId ?? null),
        registrations.map((r) => r.categoryCode ?? null),
        registrations.map((r) => (r.answers ? JSON.stringify(r.answers) : null)),
        registrations.map((r) => r.preferredLanguage),
        registrations.map((r) => r.timezone),
        registrations.map((r) => r.dietary),
        registrations.map((r) => r.accessibility),
        registrations.map((r) => r.consentedAt),
        registrations.map((r) => r.tokenHash),
        registrations.map((r) => r.createdAt),
      ],
    );
  }
}
