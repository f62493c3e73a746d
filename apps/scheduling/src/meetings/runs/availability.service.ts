import { answerOnce, assertOrganiserOf, assertOrganiserOrSelf, Problem, Transactions, type Caller, type IdempotencyKey } from '#common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { confirmedOrRefused } from '../../participants/participant.rules.js';
import { ParticipantsRepository } from '../../participants/participants.repository.js';
import { ProgrammeRepository } from '../../programme/programme.repository.js';
import type { MeetingBlockView, UnavailabilityView } from './availability.view.js';
import type { MeetingBlockSettings, Unavailability } from './run.js';
import type { MeetingBlockInput, UnavailabilityInput } from './run.schema.js';
import { RunsRepository } from './runs.repository.js';

/** What the scheduler needs besides requests: how meeting blocks are cut, and when participants cannot meet. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly transactions: Transactions,
    private readonly runs: RunsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly programme: ProgrammeRepository,
  ) {}

  async setBlock(caller: Caller, missionId: string, sessionId: string, input: MeetingBlockInput): Promise<MeetingBlockView> {
    assertOrganiserOf(caller, missionId);
    const unit = this.transactions.outside;
    const session = await this.programme.session(unit, missionId, sessionId);
    if (!session) throw Problem.notFound('Session', sessionId);
    if (session.kind !== 'b2b_meeting_block') {
      throw Problem.unprocessable('not-a-meeting-block', 'Not a B2B meeting block', `"${session.title}" is a ${session.kind}, not a b2b_meeting_block.`);
    }
    const outside = input.breaks.findIndex(
      (pause) => Date.parse(pause.startsAt) < session.startsAt.getTime() || Date.parse(pause.endsAt) > session.endsAt.getTime(),
    );
    if (outside >= 0) throw Problem.validation([{ field: `breaks.${outside}`, message: 'must lie within the block' }]);
    if (input.slotMinutes * 60_000 > session.endsAt.getTime() - session.startsAt.getTime()) {
      throw Problem.validation([{ field: 'slotMinutes', message: 'is longer than the block' }]);
    }
    const block = { sessionId, missionId, slotMinutes: input.slotMinutes, tables: input.tables, breaks: input.breaks };
    await this.runs.setBlock(unit, block);
    return toBlockView(block);
  }

  async getBlock(caller: Caller, missionId: string, sessionId: string): Promise<MeetingBlockView> {
    assertOrganiserOf(caller, missionId);
    const block = await this.runs.block(this.transactions.outside, missionId, sessionId);
    if (!block) throw Problem.notFound('Meeting block', sessionId);
    return toBlockView(block);
  }

  async declare(caller: Caller, missionId: string, registrationId: string, input: UnavailabilityInput, key?: IdempotencyKey): Promise<UnavailabilityView> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    confirmedOrRefused(await this.participants.find(this.transactions.outside, missionId, registrationId), registrationId);
    const declared: Unavailability = {
      id: randomUUID(),
      missionId,
      registrationId,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      note: input.note ?? null,
      createdAt: new Date(),
    };
    return answerOnce(this.transactions, key, async (unit) => {
      await this.runs.declare(unit, declared);
      return toUnavailabilityView(declared);
    });
  }

  async declared(caller: Caller, missionId: string, registrationId: string): Promise<{ items: UnavailabilityView[] }> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    return { items: (await this.runs.declared(this.transactions.outside, missionId, registrationId)).map(toUnavailabilityView) };
  }

  async withdraw(caller: Caller, missionId: string, registrationId: string, id: string): Promise<void> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    if (!(await this.runs.withdraw(this.transactions.outside, missionId, registrationId, id))) throw Problem.notFound('Unavailability', id);
  }
}

function toBlockView(block: Pick<MeetingBlockSettings, 'sessionId' | 'slotMinutes' | 'tables' | 'breaks'>): MeetingBlockView {
  return { sessionId: block.sessionId, slotMinutes: block.slotMinutes, tables: block.tables, breaks: block.breaks };
}

function toUnavailabilityView(row: Unavailability): UnavailabilityView {
  return { id: row.id, registrationId: row.registrationId, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), note: row.note };
}
