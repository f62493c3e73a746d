import {
  answerOnce,
  encodeCursor,
  isUniqueViolation,
  organises,
  Problem,
  seqOfCursor,
  Transactions,
  UnitOfWork,
  type Caller,
  type IdempotencyKey,
  type Page,
} from '#common';
import type { CloudEvent } from '#contracts';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { confirmedOrRefused } from '../../participants/participant.rules.js';
import { ParticipantsRepository, PeopleRepository } from '../../participants/participants.repository.js';
import type { Meeting } from './meeting.js';
import { attendeesOf, meetingPayload, refuseAnswer, refuseOutcome, refuseWithdrawal, type Answer, type Refusal } from './meeting.rules.js';
import type { MeetingListQuery, MeetingOutcomeInput, MeetingRequestInput } from './meeting.schema.js';
import { toMeetingView, type MeetingView } from './meeting.view.js';
import { MeetingsRepository } from './meetings.repository.js';

/**
 * Meeting requests: A asks B (or an organiser proposes A meets B, and B answers as for any request),
 * B accepts or declines, either may call it off. Each step is announced in its own transaction.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly meetings: MeetingsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async request(caller: Caller, missionId: string, input: MeetingRequestInput, key?: IdempotencyKey): Promise<MeetingView> {
    const organiser = organises(caller, missionId);
    if (!organiser && (caller.kind !== 'participant' || caller.missionId !== missionId)) throw Problem.forbidden();
    const requesterId = organiser ? input.requesterId : caller.kind === 'participant' ? caller.registrationId : undefined;
    if (!requesterId) throw Problem.validation([{ field: 'requesterId', message: 'is required when an organiser proposes a meeting' }]);
    if (!organiser && input.requesterId && input.requesterId !== requesterId) throw Problem.forbidden('A participant asks for meetings for themselves.');
    if (requesterId === input.inviteeId) throw Problem.validation([{ field: 'inviteeId', message: 'must be someone else' }]);
    const team = attendeesOf(requesterId, input.inviteeId, input.attendees);
    if ('error' in team) throw Problem.validation([team.error]);

    return answerOnce(this.transactions, key, async (unit) => {
      confirmedOrRefused(await this.participants.find(unit, missionId, requesterId), requesterId, 'requesterId');
      confirmedOrRefused(await this.participants.find(unit, missionId, input.inviteeId), input.inviteeId, 'inviteeId');
      for (const attendee of team.attendees) {
        if (attendee.registrationId === requesterId || attendee.registrationId === input.inviteeId) continue;
        confirmedOrRefused(await this.participants.find(unit, missionId, attendee.registrationId), attendee.registrationId, 'attendees');
      }
      const open = await this.meetings.openBetween(unit, missionId, requesterId, input.inviteeId);
      if (open)
        throw Problem.conflict('meeting-already-requested', 'A meeting of the two is already open', `Meeting ${open.id} is ${open.status}.`, {
          meetingId: open.id,
        });
      const now = new Date();
      const created = await this.meetings
        .insert(unit, {
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
          outcomeNotes: null,
          mouId: null,
          attendees: team.attendees,
          createdAt: now,
          updatedAt: now,
        })
        .catch((error: unknown) => {
          // The two asked each other at the same moment: the other request is open.
          if (isUniqueViolation(error, 'meetings_open_pair'))
            throw Problem.conflict('meeting-already-requested', 'A meeting of the two is already open', 'The other asked at the same time.');
          throw error;
        });
      await this.announce(unit, 'meeting.requested', created);
      return this.view(unit, created, organiser);
    });
  }

  answer(caller: Caller, missionId: string, meetingId: string, answer: Answer): Promise<MeetingView> {
    return this.change(
      caller,
      missionId,
      meetingId,
      (meeting, actor) => refuseAnswer(meeting, actor),
      async (unit, meeting) => {
        meeting.status = answer === 'accept' ? 'accepted' : 'declined';
        await this.meetings.update(unit, meeting);
        await this.announce(unit, answer === 'accept' ? 'meeting.accepted' : 'meeting.declined', meeting);
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
      async (unit, meeting) => {
        Object.assign(meeting, { status: 'cancelled', cancelReason: 'withdrawn' });
        await this.meetings.update(unit, meeting);
        if (!meeting.slotId) await this.announce(unit, 'meeting.cancelled', meeting, undefined, { reason: 'withdrawn' });
      },
    );
  }

  async recordOutcome(caller: Caller, missionId: string, meetingId: string, input: MeetingOutcomeInput): Promise<MeetingView> {
    const { outcome } = input;
    if (!organises(caller, missionId))
      throw caller.kind === 'anonymous' ? Problem.unauthorized() : Problem.forbidden('Only an organiser of this mission records how a meeting went.');
    return this.change(
      caller,
      missionId,
      meetingId,
      (meeting) => refuseOutcome(meeting, outcome),
      async (unit, meeting) => {
        meeting.outcome = outcome;
        if (input.notes !== undefined) meeting.outcomeNotes = input.notes || null;
        if (input.mouId !== undefined) meeting.mouId = input.mouId;
        await this.meetings.update(unit, meeting);
        // The meeting's place announced again, with how it went (the dashboard counts outcomes from it), and the outcome itself
        // with the MoU it led to (the MoU registry keeps its meetings from it).
        await this.announce(unit, 'meeting.scheduled', meeting);
        await this.outbox.add(
          unit,
          'meeting.outcome_recorded',
          { ...meetingPayload(meeting), outcome, mouId: meeting.mouId },
          { subject: meeting.id, missionId: meeting.missionId, time: meeting.updatedAt },
        );
      },
    );
  }

  async get(caller: Caller, missionId: string, meetingId: string): Promise<MeetingView> {
    const unit = this.transactions.outside;
    const meeting = await this.meetings.find(unit, missionId, meetingId);
    if (!meeting || !mayRead(caller, meeting)) throw Problem.notFound('Meeting', meetingId);
    return this.view(unit, meeting, organises(caller, missionId));
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
    const rows = await this.meetings.page(
      this.transactions.outside,
      missionId,
      { ...(registrationId ? { registrationId } : {}), ...(query.status ? { status: query.status } : {}), after },
      query.limit + 1,
    );
    const items = rows.slice(0, query.limit);
    const people = await this.people.people(this.transactions.outside, items.flatMap(peopleOf));
    const organiser = organises(caller, missionId);
    return {
      items: items.map((meeting) => toMeetingView(meeting, people, organiser)),
      nextCursor: rows.length > query.limit ? encodeCursor([items.at(-1)!.seq]) : null,
    };
  }

  /**
   * A registration cancelled or erased: its open requests are cancelled at once (`meeting.cancelled`,
   * reason participant-left). Its meetings that had a place keep it until the next run, which frees
   * it and tells the counterpart once in their timetable notice.
   */
  async leave(unit: UnitOfWork, registrationId: string, cause: CloudEvent): Promise<void> {
    // A team member of a group meeting leaves it; the meeting goes on (the next run places it with those left).
    await this.meetings.removeAttendee(unit, registrationId);
    const open = await this.meetings.lockOpenOf(unit, registrationId);
    for (const meeting of open) {
      Object.assign(meeting, { status: 'cancelled', cancelReason: 'participant-left', updatedAt: new Date() });
      await this.meetings.update(unit, meeting);
      if (!meeting.slotId) await this.announce(unit, 'meeting.cancelled', meeting, cause, { reason: 'participant-left' });
    }
  }

  private async change(
    caller: Caller,
    missionId: string,
    meetingId: string,
    refuse: (meeting: Meeting, actor: { organiser: boolean; registrationId?: string }) => Refusal | null,
    apply: (unit: UnitOfWork, meeting: Meeting) => Promise<void>,
  ): Promise<MeetingView> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    return this.transactions.run(async (unit) => {
      const meeting = await this.meetings.find(unit, missionId, meetingId, { lock: true });
      if (!meeting || !mayRead(caller, meeting)) throw Problem.notFound('Meeting', meetingId);
      const refusal = refuse(meeting, {
        organiser: organises(caller, missionId),
        ...(caller.kind === 'participant' ? { registrationId: caller.registrationId } : {}),
      });
      if (refusal?.kind === 'forbidden') throw Problem.forbidden(refusal.detail);
      if (refusal) throw Problem.conflict(refusal.code, refusal.title, refusal.detail);
      meeting.updatedAt = new Date();
      await apply(unit, meeting);
      return this.view(unit, meeting, organises(caller, missionId));
    });
  }

  private async view(unit: UnitOfWork, meeting: Meeting, organiser: boolean): Promise<MeetingView> {
    return toMeetingView(meeting, await this.people.people(unit, peopleOf(meeting)), organiser);
  }

  private announce(
    unit: UnitOfWork,
    type: 'meeting.requested' | 'meeting.accepted' | 'meeting.declined' | 'meeting.scheduled' | 'meeting.cancelled',
    meeting: Meeting,
    cause?: CloudEvent,
    extra: { reason?: 'participant-left' | 'withdrawn' } = {},
  ): Promise<CloudEvent> {
    return this.outbox.add(
      unit,
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

/** Its attendees (the two parties and their teams) and the mission's organisers; to anyone else a meeting does not exist. */
function mayRead(caller: Caller, meeting: Meeting): boolean {
  if (organises(caller, meeting.missionId)) return true;
  if (caller.kind !== 'participant') return false;
  const { registrationId } = caller;
  return registrationId === meeting.requesterId || registrationId === meeting.inviteeId || meeting.attendees.some((a) => a.registrationId === registrationId);
}

function peopleOf(meeting: Meeting): string[] {
  return [meeting.requesterId, meeting.inviteeId, ...meeting.attendees.map((attendee) => attendee.registrationId)];
}
