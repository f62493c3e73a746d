import { assertOrganiserOrSelf, encodeCursor, Problem, seqOfCursor, type Caller, type Page } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { confirmedParticipant } from '../../participants/confirmed-participant.js';
import { assertOrganiserOrConfirmed } from '../participation.js';
import { MatchmakingProfileEntity } from './profile.entity.js';
import type { DirectoryQuery, ProfileInput } from './profile.schema.js';
import type { ProfileView } from './profile.view.js';

@Injectable()
export class ProfilesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Publishes or replaces the participant's own profile (opt-in: an organiser cannot publish one for them). */
  async publish(caller: Caller, missionId: string, registrationId: string, input: ProfileInput): Promise<ProfileView> {
    if (caller.kind !== 'participant' || caller.registrationId !== registrationId || caller.missionId !== missionId) {
      throw Problem.forbidden('A participant publishes their own matchmaking profile, with their own token.');
    }
    return this.dataSource.transaction(async (manager) => {
      const participant = await confirmedParticipant(manager, missionId, registrationId);
      const now = new Date();
      await manager.query(
        `INSERT INTO matchmaking_profiles (registration_id, mission_id, offers, seeks, themes, sectors, languages, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT (registration_id) DO UPDATE
           SET offers = EXCLUDED.offers, seeks = EXCLUDED.seeks, themes = EXCLUDED.themes, sectors = EXCLUDED.sectors,
               languages = EXCLUDED.languages, updated_at = EXCLUDED.updated_at`,
        [registrationId, missionId, input.offers, input.seeks, input.themes, input.sectors, input.languages, now],
      );
      const profile = await manager.findOneByOrFail(MatchmakingProfileEntity, { registrationId });
      return toProfileView(profile, participant.delegation);
    });
  }

  async withdraw(caller: Caller, missionId: string, registrationId: string): Promise<void> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    const { affected } = await this.dataSource.getRepository(MatchmakingProfileEntity).delete({ registrationId, missionId });
    if (!affected) throw Problem.notFound('Matchmaking profile', registrationId);
  }

  async get(caller: Caller, missionId: string, registrationId: string): Promise<ProfileView> {
    const page = await this.directory(caller, missionId, { limit: 1 }, registrationId);
    if (!page.items[0]) throw Problem.notFound('Matchmaking profile', registrationId);
    return page.items[0];
  }

  /** The mission's published profiles of confirmed participants, in publication order, filtered. */
  async directory(caller: Caller, missionId: string, query: DirectoryQuery, only?: string): Promise<Page<ProfileView>> {
    await assertOrganiserOrConfirmed(this.dataSource.manager, caller, missionId);
    const after = seqOfCursor(query.cursor);
    const params: unknown[] = [missionId];
    const where = [`p.mission_id = $1`, `r.status = 'confirmed'`, `r.erased_at IS NULL`];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (only) add((n) => `p.registration_id = ${n}`, only);
    if (after) add((n) => `p.seq > ${n}`, after);
    if (query.theme) add((n) => `${n} = ANY (p.themes)`, query.theme);
    if (query.sector) add((n) => `${n} = ANY (p.sectors)`, query.sector);
    if (query.language) add((n) => `${n} = ANY (p.languages)`, query.language);
    if (query.q) add((n) => `(p.offers ILIKE ${n} OR p.seeks ILIKE ${n})`, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    params.push(query.limit + 1);
    const rows: (Record<string, unknown> & { seq: string })[] = await this.dataSource.query(
      `SELECT p.registration_id, p.mission_id, p.seq::text AS seq, p.offers, p.seeks, p.themes, p.sectors, p.languages, p.created_at, p.updated_at, r.delegation
         FROM matchmaking_profiles p JOIN participants r ON r.registration_id = p.registration_id
        WHERE ${where.join(' AND ')}
        ORDER BY p.seq LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((row) =>
        toProfileView(
          {
            registrationId: row.registration_id,
            missionId: row.mission_id,
            offers: row.offers,
            seeks: row.seeks,
            themes: row.themes,
            sectors: row.sectors,
            languages: row.languages,
            updatedAt: row.updated_at,
          } as MatchmakingProfileEntity,
          row.delegation as string | null,
        ),
      ),
      nextCursor: rows.length > query.limit ? encodeCursor([items.at(-1)!.seq]) : null,
    };
  }
}

function toProfileView(profile: MatchmakingProfileEntity, delegation: string | null): ProfileView {
  return {
    registrationId: profile.registrationId,
    missionId: profile.missionId,
    delegation,
    offers: profile.offers,
    seeks: profile.seeks,
    themes: profile.themes,
    sectors: profile.sectors,
    languages: profile.languages,
    updatedAt: profile.updatedAt.toISOString(),
  };
}
