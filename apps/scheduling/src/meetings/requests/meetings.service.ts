import {
  encodeCursor,
  isUniqueViolation,
  organises,
  Problem,
  seqOfCursor,
  type Caller,
  type Page,
  answerOnce,
  type IdempotencyKey,
  UnitOfWork,
  Transactions,
} from '#common';
import type { CloudEvent } from '#contracts';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { confirmedParticipant } from '../../participants/confirmed-participant.js';
import { MeetingEntity, type MeetingOutcome } from './meeting.entity.js';
import { meetingPayload, refuseAnswer, refuseOutcome, refuseWithdrawal, slotOf, type Answer, type Refusal } from './meeting.rules.js';
import type { MeetingListQuery, MeetingRequestInput } from './meeting.schema.js';
import type { MeetingView } from './meeting.view.js';

/**
 * Meeting requests: A asks B (or an organiser proposes A meets B, and B answers as for any request),
 * B accepts or declines, either may call it off. Each step is announced in its own transaction.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async request(caller: Caller, missionId: string, input: MeetingRequestInput, key?: IdempotencyKey): Promise<MeetingView> {
    const organiser = organises(caller, missionId);
    if (!organiser && (caller.kind !== 'participant' || caller.missionId !== missionId)) throw Problem.forbidden();
    const requesterId = organiser ? input.requesterId : caller.kind === 'participant' ? caller.registrationId : undefined;
    if (!requesterId) throw Problem.validation([{ field: 'requesterId', message: 'is required when an organiser proposes a meeting' }]);
    if (!organiser && input.requesterId && input.requesterId !== requesterId) throw Problem.forbidden('A participant asks for meetings for themselves.');
    if (requesterId === input.inviteeId) throw Problem.validation([{ field: 'inviteeId', message: 'must be someone else' }]);

    return answerOnce(new Transactions(this.dataSource), key, async ({ manager }) => {
      await confirmedParticipant(manager, missionId, requesterId, { field: 'requesterId' });
      await confirmedParticipant(manager, missionId, input.inviteeId, { field: 'inviteeId' });
      const open = await manager.findOne(MeetingEntity, {
        where: [
          { missionId, requesterId, inviteeId: input.inviteeId, status: In(['requested', 'accepted']) },
          { missionId, requesterId: input.inviteeId, inviteeId: requesterId, status: In(['requested', 'accepted']) },
        ],
      });
      if (open)
        throw Problem.conflict('meeting-already-requested', 'A meeting of the two is already open', `Meeting ${open.id} is ${open.status}.`, {
          meetingId: open.id,
        });
      const now = new Date();
      const meeting = manager.create(MeetingEntity, {
        id: randomUUID(),
        missionId,
        requesterId,
        inviteeId: input.inviteeId,
        proposedBy: organiser && caller.kind === 'organiser' ? caller.subject : null,
        priority: input.priority,
        message: input.message || null,
        status: 'requested',
        cancelReason: null,
        blockId: null,
        slotId: null,
        startsAt: null,
        endsAt: null,
        tableNumber: null,
        outcome: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(MeetingEntity, meeting).catch((error: unknown) => {
        // The two asked each other at the same moment: the other request is open.
        if (isUniqueViolation(error, 'meetings_open_pair'))
          throw Problem.conflict('meeting-already-requested', 'A meeting of the two is already open', 'The other asked at the same time.');
        throw error;
      });
      await this.announce(manager, 'meeting.requested', meeting);
      return toMeetingView(await manager.findOneByOrFail(MeetingEntity, { id: meeting.id }));
    });
  }

  answer(caller: Caller, missionId: string, meetingId: string, answer: Answer): Promise<MeetingView> {
    return this.change(
      caller,
      missionId,
      meetingId,
      (meeting, actor) => refuseAnswer(meeting, actor),
      async (manager, meeting) => {
        meeting.status = answer === 'accept' ? 'accepted' : 'declined';
        await manager.save(MeetingEntity, meeting);
        await this.announce(manager, answer === 'accept' ? 'meeting.accepted' : 'meeting.declined', meeting);
      },
    );
  }

  /** Called off: `meeting.cancelled` now; a meeting that had a place keeps it until the next run frees it and tells both. */
  withdraw(caller: Caller, missionId: string, meetingId: string): Promise<MeetingView> {
    return this.change(
      caller,
      missionId,
      meetingId,
      (meeting, actor) => refuseWithdrawal(meeting, actor),
      async (manager, meeting) => {
        Object.assign(meeting, { status: 'cancelled', cancelReason: 'withdrawn' });
        await manager.save(MeetingEntity, meeting);
        if (!meeting.slotId) await this.announce(manager, 'meeting.cancelled', meeting, undefined, { reason: 'withdrawn' });
      },
    );
  }

  async recordOutcome(caller: Caller, missionId: string, meetingId: string, outcome: MeetingOutcome): Promise<MeetingView> {
    if (!organises(caller, missionId))
      throw caller.kind === 'anonymous' ? Problem.unauthorized() : Problem.forbidden('Only an organiser of this mission records how a meeting went.');
    return this.change(
      caller,
      missionId,
      meetingId,
      (meeting) => refuseOutcome(meeting, outcome),
      async (manager, meeting) => {
        meeting.outcome = outcome;
        await manager.save(MeetingEntity, meeting);
        // No event type of its own: the meeting's place announced again, with how it went (for the dashboard's counts).
        await this.announce(manager, 'meeting.scheduled', meeting);
      },
    );
  }

  async get(caller: Caller, missionId: string, meetingId: string): Promise<MeetingView> {
    const meeting = await this.dataSource.manager.findOneBy(MeetingEntity, { id: meetingId, missionId });
    if (!meeting || !mayRead(caller, meeting)) throw Problem.notFound('Meeting', meetingId);
    return toMeetingView(meeting);
  }

  /** A participant's own meetings (asked or invited); organisers any participant's, or all of the mission's. */
  async list(caller: Caller, missionId: string, query: MeetingListQuery): Promise<Page<MeetingView>> {
    let registrationId = query.registrationId;
    if (!organises(caller, missionId)) {
      if (caller.kind === 'anonymous') throw Problem.unauthorized();
      if (caller.kind !== 'participant' || caller.missionId !== missionId) throw Problem.forbidden();
      if (registrationId && registrationId !== caller.registrationId) throw Problem.forbidden('A participant sees their own meetings only.');
      registrationId = caller.registrationId;
    }
    const after = seqOfCursor(query.cursor);
    const builder = this.dataSource.manager
      .createQueryBuilder(MeetingEntity, 'm')
      .where('m.mission_id = :missionId', { missionId })
      .orderBy('m.seq', 'ASC')
      .take(query.limit + 1);
    if (registrationId) builder.andWhere('(m.requester_id = :registrationId OR m.invitee_id = :registrationId)', { registrationId });
    if (query.status) builder.andWhere('m.status = :status', { status: query.status });
    if (after) builder.andWhere('m.seq > :after', { after });
    const rows = await builder.getMany();
    const items = rows.slice(0, query.limit);
    return { items: items.map(toMeetingView), nextCursor: rows.length > query.limit ? encodeCursor([items.at(-1)!.seq]) : null };
  }

  /**
   * A registration cancelled or erased: its open requests are cancelled at once (`meeting.cancelled`,
   * reason participant-left). Its meetings that had a place keep it until the next run, which frees
   * it and tells the counterpart once in their timetable notice.
   */
  async leave(manager: EntityManager, registrationId: string, cause: CloudEvent): Promise<void> {
    const open = await manager.find(MeetingEntity, {
      where: [
        { requesterId: registrationId, status: In(['requested', 'accepted']) },
        { inviteeId: registrationId, status: In(['requested', 'accepted']) },
      ],
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const meeting of open) {
      Object.assign(meeting, { status: 'cancelled', cancelReason: 'participant-left', updatedAt: new Date() });
      await manager.save(MeetingEntity, meeting);
      if (!meeting.slotId) await this.announce(manager, 'meeting.cancelled', meeting, cause, { reason: 'participant-left' });
    }
  }

  private async change(
    caller: Caller,
    missionId: string,
    meetingId: string,
    refuse: (meeting: MeetingEntity, actor: { organiser: boolean; registrationId?: string }) => Refusal | null,
    apply: (manager: EntityManager, meeting: MeetingEntity) => Promise<void>,
  ): Promise<MeetingView> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    return this.dataSource.transaction(async (manager) => {
      const meeting = await manager.findOne(MeetingEntity, { where: { id: meetingId, missionId }, lock: { mode: 'pessimistic_write' } });
      if (!meeting || !mayRead(caller, meeting)) throw Problem.notFound('Meeting', meetingId);
      const refusal = refuse(meeting, {
        organiser: organises(caller, missionId),
        ...(caller.kind === 'participant' ? { registrationId: caller.registrationId } : {}),
      });
      if (refusal?.kind === 'forbidden') throw Problem.forbidden(refusal.detail);
      if (refusal) throw Problem.conflict(refusal.code, refusal.title, refusal.detail);
      meeting.updatedAt = new Date();
      await apply(manager, meeting);
      return toMeetingView(meeting);
    });
  }

  private announce(
    manager: EntityManager,
    type: 'meeting.requested' | 'meeting.accepted' | 'meeting.declined' | 'meeting.scheduled' | 'meeting.cancelled',
    meeting: MeetingEntity,
    cause?: CloudEvent,
    extra: { reason?: 'participant-left' | 'withdrawn' } = {},
  ): Promise<CloudEvent> {
    return this.outbox.add(
      UnitOfWork.of(manager),
      type,
      { ...meetingPayload(meeting), ...extra },
      {
        subject: meeting.id,
        missionId: meeting.missionId,
        time: meeting.updatedAt,
        ...(cause ? { causedBy: cause } : {}),
      },
    );
  }
}

/** The two parties and the mission's organisers; to anyone else a meeting does not exist. */
function mayRead(caller: Caller, meeting: MeetingEntity): boolean {
  if (organises(caller, meeting.missionId)) return true;
  return caller.kind === 'participant' && (caller.registrationId === meeting.requesterId || caller.registrationId === meeting.inviteeId);
}

export function toMeetingView(meeting: MeetingEntity): MeetingView {
  const slot = meeting.status === 'accepted' ? slotOf(meeting) : null;
  return {
    id: meeting.id,
    missionId: meeting.missionId,
    requesterId: meeting.requesterId,
    inviteeId: meeting.inviteeId,
    proposedByOrganiser: meeting.proposedBy !== null,
    priority: meeting.priority,
    message: meeting.message,
    status: meeting.status,
    slot: slot && meeting.blockId ? { blockId: meeting.blockId, startsAt: slot.startsAt, endsAt: slot.endsAt, table: meeting.tableNumber! } : null,
    outcome: meeting.outcome,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}
