import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { fullName } from '../../participants/person.js';
import type { DirectoryEntry, MatchmakingProfile } from './profile.js';

interface ProfileRow {
  registration_id: string;
  mission_id: string;
  offers: string;
  seeks: string;
  themes: string[];
  sectors: string[];
  languages: string[];
  created_at: Date;
  updated_at: Date;
}

interface PersonColumns {
  delegation: string | null;
  given_name: string | null;
  family_name: string | null;
  organisation: string | null;
  country: string | null;
}

/** What the directory is filtered by (all must match); `words` are looked for in offers and seeks. */
export interface DirectoryFilter {
  only?: string;
  /** The one asking, who sees their own profile even while they hide from the directory. */
  viewer?: string;
  after: string | null;
  theme?: string;
  sector?: string;
  language?: string;
  words?: string;
}

/** Every query of the matchmaking_profiles table. */
@Injectable()
export class ProfilesRepository {
  /** Publishes or replaces the participant's profile; answers it as stored. */
  async upsert(unit: UnitOfWork, profile: Omit<MatchmakingProfile, 'createdAt' | 'updatedAt'>, at: Date): Promise<MatchmakingProfile> {
    const [row] = await unit.query<ProfileRow>(
      sql(
        `INSERT INTO matchmaking_profiles (registration_id, mission_id, offers, seeks, themes, sectors, languages, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT (registration_id) DO UPDATE
           SET offers = EXCLUDED.offers, seeks = EXCLUDED.seeks, themes = EXCLUDED.themes, sectors = EXCLUDED.sectors,
               languages = EXCLUDED.languages, updated_at = EXCLUDED.updated_at
         RETURNING registration_id, mission_id, offers, seeks, themes, sectors, languages, created_at, updated_at`,
        [profile.registrationId, profile.missionId, profile.offers, profile.seeks, profile.themes, profile.sectors, profile.languages, at],
      ),
    );
    return toProfile(row!);
  }

  /** Answers whether there was one. */
  async delete(unit: UnitOfWork, missionId: string, registrationId: string): Promise<boolean> {
    const { count } = await unit.execute(sql(`DELETE FROM matchmaking_profiles WHERE registration_id = $1 AND mission_id = $2`, [registrationId, missionId]));
    return count > 0;
  }

  /** Up to `limit` of the mission's published profiles of confirmed, not erased participants, in publication order, filtered. */
  async directory(unit: UnitOfWork, missionId: string, filter: DirectoryFilter, limit: number): Promise<DirectoryEntry[]> {
    const values: unknown[] = [missionId];
    const where = [`p.mission_id = $1`, `r.status = 'confirmed'`, `r.erased_at IS NULL`];
    const add = (clause: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(clause(`$${values.length}`));
    };
    if (filter.viewer) add((n) => `(NOT r.directory_hidden OR r.registration_id = ${n})`, filter.viewer);
    else where.push(`NOT r.directory_hidden`);
    if (filter.only) add((n) => `p.registration_id = ${n}`, filter.only);
    if (filter.after) add((n) => `p.seq > ${n}`, filter.after);
    if (filter.theme) add((n) => `${n} = ANY (p.themes)`, filter.theme);
    if (filter.sector) add((n) => `${n} = ANY (p.sectors)`, filter.sector);
    if (filter.language) add((n) => `${n} = ANY (p.languages)`, filter.language);
    if (filter.words) add((n) => `(p.offers ILIKE ${n} OR p.seeks ILIKE ${n})`, `%${filter.words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    values.push(limit);
    const rows = await unit.query<ProfileRow & PersonColumns & { seq: string }>(
      sql(
        `SELECT p.registration_id, p.mission_id, p.seq::text AS seq, p.offers, p.seeks, p.themes, p.sectors, p.languages, p.created_at, p.updated_at, r.delegation,
                r.given_name, r.family_name, r.organisation, r.country
           FROM matchmaking_profiles p JOIN participants r ON r.registration_id = p.registration_id
          WHERE ${where.join(' AND ')}
          ORDER BY p.seq LIMIT $${values.length}`,
        values,
      ),
    );
    return rows.map((row) => ({
      profile: toProfile(row),
      delegation: row.delegation,
      person: {
        registrationId: row.registration_id,
        name: fullName(row.given_name, row.family_name),
        organisation: row.organisation,
        country: row.country,
        delegation: row.delegation,
      },
      seq: row.seq,
    }));
  }
}

function toProfile(row: ProfileRow): MatchmakingProfile {
  return {
    registrationId: row.registration_id,
    missionId: row.mission_id,
    offers: row.offers,
    seeks: row.seeks,
    themes: row.themes,
    sectors: row.sectors,
    languages: row.languages,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
