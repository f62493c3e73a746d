import { assertOrganiserOf, assertOrganiserOrSelf, Problem, type Caller, answerOnce, type IdempotencyKey, Transactions } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SessionEntity } from '../../sessions/session.entity.js';
import { confirmedParticipant } from '../../participants/confirmed-participant.js';
import type { MeetingBlockView, UnavailabilityView } from './availability.view.js';
import { MeetingBlockEntity, UnavailabilityEntity } from './run.entity.js';
import type { MeetingBlockInput, UnavailabilityInput } from './run.schema.js';

/** What the scheduler needs besides requests: how meeting blocks are cut, and when participants cannot meet. */
@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async setBlock(caller: Caller, missionId: string, sessionId: string, input: MeetingBlockInput): Promise<MeetingBlockView> {
    assertOrganiserOf(caller, missionId);
    const session = await this.dataSource.manager.findOneBy(SessionEntity, { id: sessionId, missionId });
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
    await this.dataSource.getRepository(MeetingBlockEntity).save(block);
    return toBlockView(block);
  }

  async getBlock(caller: Caller, missionId: string, sessionId: string): Promise<MeetingBlockView> {
    assertOrganiserOf(caller, missionId);
    const block = await this.dataSource.manager.findOneBy(MeetingBlockEntity, { sessionId, missionId });
    if (!block) throw Problem.notFound('Meeting block', sessionId);
    return toBlockView(block);
  }

  async declare(caller: Caller, missionId: string, registrationId: string, input: UnavailabilityInput, key?: IdempotencyKey): Promise<UnavailabilityView> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    await confirmedParticipant(this.dataSource.manager, missionId, registrationId);
    const row = this.dataSource.manager.create(UnavailabilityEntity, {
      id: randomUUID(),
      missionId,
      registrationId,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      note: input.note ?? null,
      createdAt: new Date(),
    });
    return answerOnce(new Transactions(this.dataSource), key, async ({ manager }) => {
      await manager.insert(UnavailabilityEntity, row);
      return toUnavailabilityView(row);
    });
  }

  async declared(caller: Caller, missionId: string, registrationId: string): Promise<{ items: UnavailabilityView[] }> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    const rows = await this.dataSource.manager.find(UnavailabilityEntity, { where: { missionId, registrationId }, order: { startsAt: 'ASC' } });
    return { items: rows.map(toUnavailabilityView) };
  }

  async withdraw(caller: Caller, missionId: string, registrationId: string, id: string): Promise<void> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    const { affected } = await this.dataSource.manager.delete(UnavailabilityEntity, { id, missionId, registrationId });
    if (!affected) throw Problem.notFound('Unavailability', id);
  }
}

function toBlockView(block: Pick<MeetingBlockEntity, 'sessionId' | 'slotMinutes' | 'tables' | 'breaks'>): MeetingBlockView {
  return { sessionId: block.sessionId, slotMinutes: block.slotMinutes, tables: block.tables, breaks: block.breaks };
}

function toUnavailabilityView(row: UnavailabilityEntity): UnavailabilityView {
  return { id: row.id, registrationId: row.registrationId, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), note: row.note };
}
