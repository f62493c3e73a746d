import { sql, upsertIfNewer, type Deferred, type UnitOfWork } from '#common';
import type { RegistrationSnapshot, RegistrationStatus } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { Participant } from './participant.js';
import { fullName, type DirectoryPerson, type Person } from './person.js';

interface ParticipantRow {
  registration_id: string;
  mission_id: string;
  status: RegistrationStatus;
  delegation: string | null;
  preferred_language: string;
  timezone: string;
  erased_at: Date | null;
}

/** The token hash is never read back but by the resolver. */
const COLUMNS = `registration_id, mission_id, status, delegation, preferred_language, timezone, erased_at`;

/**
 * Whether the token an upsert of `participants` brings (EXCLUDED) is newer than the one kept: a later
 * generation, or the same generation from a later event. Events may come out of order (retries).
 */
const NEWER_TOKEN = `(EXCLUDED.token_generation, EXCLUDED.token_as_of) >= (participants.token_generation, participants.token_as_of)`;

/** Scheduling's participants, kept from registration's events, and their access tokens (hashes, see ParticipantsTokenResolver). */
@Injectable()
export class ParticipantsRepository {
  /** The participant of the mission; `lock` holds their row until the transaction ends, so that two of their enrolments take turns. */
  async find(unit: UnitOfWork, missionId: string, registrationId: string, options: { lock?: boolean } = {}): Promise<Participant | null> {
    const [row] = await unit.query<ParticipantRow>(
      sql(`SELECT ${COLUMNS} FROM participants WHERE registration_id = $1 AND mission_id = $2${options.lock ? ' FOR UPDATE' : ''}`, [
        registrationId,
        missionId,
      ]),
    );
    return row ? toParticipant(row) : null;
  }

  /** Locks the participant's row (if any) until the transaction ends. */
  async lock(unit: UnitOfWork, registrationId: string): Promise<void> {
    await unit.query(sql(`SELECT 1 FROM participants WHERE registration_id = $1 FOR UPDATE`, [registrationId]));
  }

  /** Of `registrationIds`, those who are confirmed and not erased. */
  async presentOf(unit: UnitOfWork, registrationIds: readonly string[]): Promise<Set<string>> {
    const rows = await unit.query<{ registration_id: string }>(
      sql(`SELECT registration_id FROM participants WHERE registration_id = ANY($1::uuid[]) AND status = 'confirmed' AND erased_at IS NULL`, [registrationIds]),
    );
    return new Set(rows.map((row) => row.registration_id));
  }

  /** Who holds the access token of `tokenHash`, unless erased. */
  async tokenOwner(unit: UnitOfWork, tokenHash: string): Promise<{ registrationId: string; missionId: string } | null> {
    const [row] = await unit.query<{ registration_id: string; mission_id: string }>(
      sql(`SELECT registration_id, mission_id FROM participants WHERE token_hash = $1 AND erased_at IS NULL`, [tokenHash]),
    );
    return row ? { registrationId: row.registration_id, missionId: row.mission_id } : null;
  }

  /**
   * Keeps the registration's participant, going with the unit's next statement. Events may arrive out
   * of order (retries): the copy only moves forward, and an erased one stays erased.
   */
  deferKeep(unit: UnitOfWork, registration: RegistrationSnapshot, asOf: string): Deferred {
    const { participant } = registration;
    return unit.defer(
      upsertIfNewer({
        table: 'participants',
        key: ['registration_id'],
        values: {
          registration_id: registration.registrationId,
          mission_id: registration.missionId,
          status: registration.status,
          delegation: participant.delegation,
          preferred_language: participant.preferredLanguage,
          timezone: participant.timezone,
          given_name: participant.givenName,
          family_name: participant.familyName,
          organisation: participant.organisation.name,
          country: participant.organisation.country,
          delegation_id: participant.delegationId ?? null,
          token_hash: registration.accessTokenHash ?? null,
          token_generation: registration.tokenGeneration ?? 1,
          token_as_of: asOf,
          as_of: asOf,
        },
        insertOnly: ['mission_id'],
        // The token only moves forward by its own generation, and an erased participant's is gone for good.
        set: {
          // An erased participant's name never comes back with a late event.
          ...Object.fromEntries(
            ['given_name', 'family_name', 'organisation', 'country'].map((column) => [
              column,
              `CASE WHEN participants.erased_at IS NOT NULL THEN NULL ELSE EXCLUDED.${column} END`,
            ]),
          ),
          token_hash: `CASE WHEN participants.erased_at IS NOT NULL THEN NULL
                            WHEN ${NEWER_TOKEN} THEN coalesce(EXCLUDED.token_hash, participants.token_hash)
                            ELSE participants.token_hash END`,
          token_generation: `CASE WHEN ${NEWER_TOKEN} THEN EXCLUDED.token_generation ELSE participants.token_generation END`,
          token_as_of: `CASE WHEN ${NEWER_TOKEN} THEN EXCLUDED.token_as_of ELSE participants.token_as_of END`,
        },
      }),
      'keeping the participant of a registration event',
    );
  }

  /**
   * The participant's access token is now the one of `accessTokenHash`, unless a newer one is kept or
   * they are erased. A participant not seen yet (the event came first) is kept with the token only,
   * as of the beginning of time, so their first snapshot fills in the rest.
   */
  async replaceAccessToken(
    unit: UnitOfWork,
    token: { registrationId: string; missionId: string; tokenGeneration: number; accessTokenHash: string },
    asOf: string,
  ): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO participants (registration_id, mission_id, status, preferred_language, timezone, token_hash, token_generation, token_as_of, as_of)
         VALUES ($1, $2, 'pending_approval', 'en', 'UTC', $3, $4, $5, '-infinity')
         ON CONFLICT (registration_id) DO UPDATE
           SET token_hash = EXCLUDED.token_hash, token_generation = EXCLUDED.token_generation, token_as_of = EXCLUDED.token_as_of
         WHERE participants.erased_at IS NULL AND ${NEWER_TOKEN}`,
        [token.registrationId, token.missionId, token.accessTokenHash, token.tokenGeneration, asOf],
      ),
    );
  }

  /** The participant is erased; a row not seen yet (events out of order) is created erased, and stays so. */
  async erase(unit: UnitOfWork, erased: { registrationId: string; missionId: string; erasedAt: string }): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO participants (registration_id, mission_id, status, preferred_language, timezone, erased_at, as_of)
         VALUES ($1, $2, 'cancelled', 'en', 'UTC', $3, $3)
         ON CONFLICT (registration_id) DO UPDATE
           SET token_hash = NULL, erased_at = EXCLUDED.erased_at, given_name = NULL, family_name = NULL, organisation = NULL, country = NULL`,
        [erased.registrationId, erased.missionId, erased.erasedAt],
      ),
    );
  }
}

/** What the directory is filtered by (all must match); `words` look in names, organisation and the profile's offers and seeks. */
export interface PeopleFilter {
  /** Keyset: the sort name and registration id of the last one of the previous page. */
  after: readonly [string, string] | null;
  words?: string;
  theme?: string;
  country?: string;
  delegation?: string;
  /** The one asking, who sees themselves even when hidden. */
  viewer?: string;
  /** Only this participant. */
  only?: string;
  /** Only those who published a matchmaking profile. */
  profiledOnly?: boolean;
}

const PERSON = `p.registration_id, p.given_name, p.family_name, p.organisation, p.country, p.delegation`;

/** The directory's order: family then given name, case-insensitively; the registration id breaks ties. */
const SORT_NAME = `lower(coalesce(p.family_name, '') || ' ' || coalesce(p.given_name, ''))`;

/** Who people are, for matchmaking: their names, the directory and whether they hide from it. */
@Injectable()
export class PeopleRepository {
  /** The people of `registrationIds` (any status): whom a meeting or a timetable names. An erased one has no name. */
  async people(unit: UnitOfWork, registrationIds: readonly string[]): Promise<Map<string, Person>> {
    if (registrationIds.length === 0) return new Map();
    const rows = await unit.query<PersonRow>(
      sql(`SELECT ${PERSON} FROM participants p WHERE p.registration_id = ANY($1::uuid[])`, [[...new Set(registrationIds)]]),
    );
    return new Map(rows.map((row) => [row.registration_id, toPerson(row)]));
  }

  /** A page of the mission's confirmed participants who do not hide, in name order, with their matchmaking profile if published. */
  async directory(unit: UnitOfWork, missionId: string, filter: PeopleFilter, limit: number): Promise<DirectoryPerson[]> {
    const values: unknown[] = [missionId];
    const where = [`p.mission_id = $1`, `p.status = 'confirmed'`, `p.erased_at IS NULL`];
    const add = (clause: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(clause(`$${values.length}`));
    };
    if (filter.viewer) add((n) => `(NOT p.directory_hidden OR p.registration_id = ${n})`, filter.viewer);
    else where.push(`NOT p.directory_hidden`);
    if (filter.after) {
      values.push(filter.after[0], filter.after[1]);
      where.push(`(${SORT_NAME}, p.registration_id) > ($${values.length - 1}, $${values.length}::uuid)`);
    }
    if (filter.only) add((n) => `p.registration_id = ${n}`, filter.only);
    if (filter.profiledOnly) where.push(`m.registration_id IS NOT NULL`);
    if (filter.theme) add((n) => `${n} = ANY (m.themes)`, filter.theme);
    if (filter.country) add((n) => `p.country = ${n}`, filter.country);
    if (filter.delegation) add((n) => `lower(p.delegation) = lower(${n})`, filter.delegation);
    if (filter.words) {
      add(
        (n) =>
          `(p.given_name ILIKE ${n} OR p.family_name ILIKE ${n} OR (p.given_name || ' ' || p.family_name) ILIKE ${n} OR p.organisation ILIKE ${n} OR m.offers ILIKE ${n} OR m.seeks ILIKE ${n})`,
        `%${filter.words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      );
    }
    values.push(limit);
    const rows = await unit.query<PersonRow & ProfileColumns & { sort_name: string; hidden: boolean }>(
      sql(
        `SELECT ${PERSON}, ${SORT_NAME} AS sort_name, p.directory_hidden AS hidden,
                m.offers, m.seeks, m.themes, m.sectors, m.languages, m.updated_at AS profile_updated_at
           FROM participants p LEFT JOIN matchmaking_profiles m ON m.registration_id = p.registration_id AND m.mission_id = p.mission_id
          WHERE ${where.join(' AND ')}
          ORDER BY ${SORT_NAME}, p.registration_id LIMIT $${values.length}`,
        values,
      ),
    );
    return rows.map((row) => ({
      person: toPerson(row),
      hidden: row.hidden,
      profile:
        row.offers === null
          ? null
          : {
              offers: row.offers,
              seeks: row.seeks!,
              themes: row.themes!,
              sectors: row.sectors!,
              languages: row.languages!,
              updatedAt: row.profile_updated_at!,
            },
      sortName: row.sort_name,
    }));
  }

  /** Whether the participant is hidden from the directory; false when there is no such participant. */
  async setHidden(unit: UnitOfWork, missionId: string, registrationId: string, hidden: boolean): Promise<boolean> {
    const { count } = await unit.execute(
      sql(`UPDATE participants SET directory_hidden = $3 WHERE registration_id = $1 AND mission_id = $2 AND erased_at IS NULL`, [
        registrationId,
        missionId,
        hidden,
      ]),
    );
    return count > 0;
  }

  /** The mission's confirmed participants who hide from the directory. */
  async hidden(unit: UnitOfWork, missionId: string): Promise<Set<string>> {
    const rows = await unit.query<{ registration_id: string }>(
      sql(`SELECT registration_id FROM participants WHERE mission_id = $1 AND directory_hidden`, [missionId]),
    );
    return new Set(rows.map((row) => row.registration_id));
  }
}

interface PersonRow {
  registration_id: string;
  given_name: string | null;
  family_name: string | null;
  organisation: string | null;
  country: string | null;
  delegation: string | null;
}

interface ProfileColumns {
  offers: string | null;
  seeks: string | null;
  themes: string[] | null;
  sectors: string[] | null;
  languages: string[] | null;
  profile_updated_at: Date | null;
}

function toPerson(row: PersonRow): Person {
  return {
    registrationId: row.registration_id,
    name: fullName(row.given_name, row.family_name),
    organisation: row.organisation,
    country: row.country,
    delegation: row.delegation,
  };
}

function toParticipant(row: ParticipantRow): Participant {
  return {
    registrationId: row.registration_id,
    missionId: row.mission_id,
    status: row.status,
    delegation: row.delegation,
    preferredLanguage: row.preferred_language,
    timezone: row.timezone,
    erasedAt: row.erased_at,
  };
}
