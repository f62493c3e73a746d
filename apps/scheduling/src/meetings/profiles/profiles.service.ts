import { assertOrganiserOrSelf, encodeCursor, Problem, seqOfCursor, Transactions, type Caller, type Page } from '#common';
import { Injectable } from '@nestjs/common';
import { confirmedOrRefused } from '../../participants/participant.rules.js';
import { ParticipantsRepository, PeopleRepository } from '../../participants/participants.repository.js';
import { assertOrganiserOrConfirmed } from '../participation.js';
import type { DirectoryQuery, ProfileInput } from './profile.schema.js';
import { toProfileView, type ProfileView } from './profile.view.js';
import { ProfilesRepository } from './profiles.repository.js';

@Injectable()
export class ProfilesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly profiles: ProfilesRepository,
    private readonly participants: ParticipantsRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** Publishes or replaces the participant's own profile (opt-in: an organiser cannot publish one for them). */
  async publish(caller: Caller, missionId: string, registrationId: string, input: ProfileInput): Promise<ProfileView> {
    if (caller.kind !== 'participant' || caller.registrationId !== registrationId || caller.missionId !== missionId) {
      throw Problem.forbidden('A participant publishes their own matchmaking profile, with their own token.');
    }
    return this.transactions.run(async (unit) => {
      const participant = confirmedOrRefused(await this.participants.find(unit, missionId, registrationId), registrationId);
      const profile = await this.profiles.upsert(unit, { registrationId, missionId, ...input }, new Date());
      const people = await this.people.people(unit, [registrationId]);
      return toProfileView(profile, participant.delegation, people.get(registrationId) ?? null);
    });
  }

  async withdraw(caller: Caller, missionId: string, registrationId: string): Promise<void> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    if (!(await this.profiles.delete(this.transactions.outside, missionId, registrationId))) throw Problem.notFound('Matchmaking profile', registrationId);
  }

  async get(caller: Caller, missionId: string, registrationId: string): Promise<ProfileView> {
    const page = await this.directory(caller, missionId, { limit: 1 }, registrationId);
    if (!page.items[0]) throw Problem.notFound('Matchmaking profile', registrationId);
    return page.items[0];
  }

  /** The mission's published profiles of confirmed participants, in publication order, filtered. */
  async directory(caller: Caller, missionId: string, query: DirectoryQuery, only?: string): Promise<Page<ProfileView>> {
    const unit = this.transactions.outside;
    await assertOrganiserOrConfirmed(this.participants, unit, caller, missionId);
    const entries = await this.profiles.directory(
      unit,
      missionId,
      {
        after: seqOfCursor(query.cursor),
        ...(only ? { only } : {}),
        ...(caller.kind === 'participant' ? { viewer: caller.registrationId } : {}),
        ...(query.theme ? { theme: query.theme } : {}),
        ...(query.sector ? { sector: query.sector } : {}),
        ...(query.language ? { language: query.language } : {}),
        ...(query.q ? { words: query.q } : {}),
      },
      query.limit + 1,
    );
    const items = entries.slice(0, query.limit);
    return {
      items: items.map((entry) => toProfileView(entry.profile, entry.delegation, entry.person)),
      nextCursor: entries.length > query.limit ? encodeCursor([items.at(-1)!.seq]) : null,
    };
  }
}
