import { assertOrganiserOrSelf, decodeCursor, encodeCursor, organises, Problem, Transactions, type Caller, type Page } from '#common';
import { Injectable } from '@nestjs/common';
import { ParticipantsRepository, PeopleRepository } from '../../participants/participants.repository.js';
import { assertOrganiserOrConfirmed } from '../participation.js';
import { MeetingsRepository } from '../requests/meetings.repository.js';
import type { PeopleQuery, SuggestionsQuery, VisibilityInput } from './people.schema.js';
import { toDirectoryPersonView, toSuggestionsView, type DirectoryPersonView, type SuggestionsView } from './people.view.js';
import { suggest } from './suggestion.rules.js';

/** Most profiles weighed for suggestions: a mission's whole directory. */
const CANDIDATES = 10_000;

/** The directory of a mission's people for matchmaking, hiding from it, and suggestions of whom to meet. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly transactions: Transactions,
    private readonly people: PeopleRepository,
    private readonly participants: ParticipantsRepository,
    private readonly meetings: MeetingsRepository,
  ) {}

  /** The mission's confirmed participants who do not hide, in name order; for its confirmed participants and organisers only. */
  async directory(caller: Caller, missionId: string, query: PeopleQuery): Promise<Page<DirectoryPersonView>> {
    const unit = this.transactions.outside;
    await assertOrganiserOrConfirmed(this.participants, unit, caller, missionId);
    const rows = await this.people.directory(
      unit,
      missionId,
      {
        after: afterOf(query.cursor),
        ...(caller.kind === 'participant' ? { viewer: caller.registrationId } : {}),
        ...(query.q ? { words: query.q } : {}),
        ...(query.theme ? { theme: query.theme } : {}),
        ...(query.country ? { country: query.country } : {}),
        ...(query.delegation ? { delegation: query.delegation } : {}),
      },
      query.limit + 1,
    );
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toDirectoryPersonView),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.sortName, last.person.registrationId]) : null,
    };
  }

  /** The participant hides from the directory and from others' suggestions, or shows again; they or an organiser decide. */
  async setVisibility(caller: Caller, missionId: string, registrationId: string, input: VisibilityInput): Promise<{ hidden: boolean }> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    if (!(await this.people.setHidden(this.transactions.outside, missionId, registrationId, input.hidden)))
      throw Problem.notFound('Participant', registrationId);
    return { hidden: input.hidden };
  }

  /** Whom the participant could meet, best first: from themes, sectors, offers and needs; never the hidden, nor those met or asked already. */
  async suggestions(caller: Caller, missionId: string, query: SuggestionsQuery): Promise<SuggestionsView> {
    const unit = this.transactions.outside;
    await assertOrganiserOrConfirmed(this.participants, unit, caller, missionId);
    const registrationId = organises(caller, missionId) ? query.registrationId : caller.kind === 'participant' ? caller.registrationId : undefined;
    if (!registrationId) throw Problem.validation([{ field: 'registrationId', message: 'is required when an organiser asks' }]);
    if (caller.kind === 'participant' && query.registrationId && query.registrationId !== caller.registrationId)
      throw Problem.forbidden('A participant sees their own suggestions only.');
    const [viewer] = await this.people.directory(unit, missionId, { after: null, viewer: registrationId, only: registrationId }, 1);
    if (!viewer) throw Problem.notFound('Participant', registrationId);
    if (!viewer.profile) return { items: [] };
    const candidates = await this.people.directory(unit, missionId, { after: null, profiledOnly: true }, CANDIDATES);
    const excluded = await this.meetings.counterpartsOf(unit, missionId, registrationId);
    const ranked = suggest(
      { registrationId, organisation: viewer.person.organisation, profile: viewer.profile },
      candidates.map((candidate) => ({
        registrationId: candidate.person.registrationId,
        organisation: candidate.person.organisation,
        profile: candidate.profile!,
      })),
      excluded,
      query.limit,
    );
    const people = new Map(candidates.map((candidate) => [candidate.person.registrationId, candidate.person]));
    return toSuggestionsView(ranked, people);
  }
}

/** The keyset of a directory cursor: a sort name and a registration id. */
function afterOf(cursor: string | undefined): readonly [string, string] | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor);
  const [name, id] = values ?? [];
  if (values?.length !== 2 || typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw Problem.validation([{ field: 'cursor', message: 'is not a cursor of this list' }]);
  }
  return [name, id];
}
