import { answerOnce, assertOrganiserOf, isUniqueViolation, Problem, Transactions, UnitOfWork, type Caller, type IdempotencyKey } from '#common';
import type { EventData } from '#contracts';
import { OutboxService, type OutboxEntry } from '#messaging';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { MeetingSchedule } from '../../matchmaking/meeting-scheduler.js';
import { diffSchedules, type ScheduleDiff } from '../../matchmaking/schedule-diff.js';
import { MissionsRepository } from '../../missions/missions.repository.js';
import { ParticipantsRepository } from '../../participants/participants.repository.js';
import { ProgrammeRepository } from '../../programme/programme.repository.js';
import type { Meeting } from '../requests/meeting.js';
import { meetingPayload, meetingSequence, slotOf } from '../requests/meeting.rules.js';
import { MeetingsRepository } from '../requests/meetings.repository.js';
import { timetableNotices, type Placement } from '../timetables/timetable.events.js';
import { TimetablesRepository } from '../timetables/timetables.repository.js';
import type { MatchmakingRun } from './run.js';
import { participantsOf, peopleOfMeeting, runInstanceOf, type RunInstance } from './run-instance.rules.js';
import type { RunInput } from './run.schema.js';
import type { RunResult, RunView } from './run.view.js';
import { RunsRepository } from './runs.repository.js';
import { scheduleInWorker } from './schedule-in-worker.js';

/** How often a working instance says so, and after how long without a word its run counts as abandoned. */
const HEARTBEAT_MS = 5_000;
const ABANDONED_AFTER_MS = 30_000;

/**
 * Scheduling runs: queued by the request, worked in this process, one per mission at a time, the
 * result applied and announced in one transaction. docs/DESIGN.md, "Inside scheduling", says how.
 */
@Injectable()
export class RunsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunsService.name);
  private readonly working = new Set<Promise<void>>();

  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly runs: RunsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly timetables: TimetablesRepository,
    private readonly participants: ParticipantsRepository,
    private readonly programme: ProgrammeRepository,
    private readonly missions: MissionsRepository,
  ) {}

  /** Runs that an instance stopped working on (it crashed or restarted) are failed, so a new one can start. */
  async onApplicationBootstrap(): Promise<void> {
    await this.failAbandoned(null);
  }

  /**
   * A run is abandoned when the instance working on it stopped saying so: other instances of the
   * service may be working on theirs at this moment, so a run is judged by its heartbeat, never by
   * which instance asks.
   */
  private async failAbandoned(missionId: string | null): Promise<void> {
    await this.runs.failAbandoned(this.transactions.outside, missionId, ABANDONED_AFTER_MS / 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.working]);
  }

  async start(caller: Caller, missionId: string, input: RunInput, key?: IdempotencyKey): Promise<RunView> {
    assertOrganiserOf(caller, missionId);
    await this.missions.get(this.transactions.outside, missionId);
    const run: MatchmakingRun = {
      id: randomUUID(),
      missionId,
      status: 'queued',
      rebuild: input.rebuild,
      limitPerParticipant: input.limitPerParticipant ?? null,
      requestedBy: caller.kind === 'organiser' ? caller.subject : 'unknown',
      progress: 'queued',
      result: null,
      error: null,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
    };
    await this.failAbandoned(missionId);
    try {
      // The run is started only once its row, and the response kept with it, committed.
      await answerOnce(this.transactions, key, async (unit) => {
        await this.runs.insert(unit, run);
        return toRunView(run);
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'matchmaking_runs_active')) throw error;
      const active = await this.runs.active(this.transactions.outside, missionId);
      throw Problem.conflict('run-in-progress', 'A scheduling run of this mission is in progress', 'Wait for it to finish, then start another.', {
        runId: active?.id,
      });
    }
    const work = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.execute(run.id));
    this.working.add(work);
    void work.finally(() => this.working.delete(work));
    return toRunView(run);
  }

  async get(caller: Caller, missionId: string, runId: string): Promise<RunView> {
    assertOrganiserOf(caller, missionId);
    const run = await this.runs.find(this.transactions.outside, runId, missionId);
    if (!run) throw Problem.notFound('Scheduling run', runId);
    return toRunView(run);
  }

  private async execute(runId: string): Promise<void> {
    const outside = this.transactions.outside;
    const heartbeat = setInterval(() => void this.runs.heartbeat(outside, runId).catch(() => undefined), HEARTBEAT_MS);
    try {
      const run = (await this.runs.find(outside, runId))!;
      await this.runs.update(outside, runId, { status: 'running', startedAt: new Date(), progress: 'reading the requests and the programme' });
      const began = performance.now();
      const instance = await this.readInstance(outside, run);
      await this.runs.update(outside, runId, { progress: `placing ${instance.input.meetings.length} accepted meetings in ${instance.slots.size} slots` });
      const read = performance.now();
      const schedule = await scheduleInWorker(instance.input);
      const placed = performance.now();
      await this.runs.update(outside, runId, { progress: `announcing ${schedule.placed.length} placed meetings` });
      await this.transactions.run(async (unit) => {
        const applied = await this.apply(unit, run, instance, schedule);
        const ms = (from: number, to: number) => Math.round(to - from);
        const result = { ...applied, timings: { readMs: ms(began, read), scheduleMs: ms(read, placed), applyMs: ms(placed, performance.now()) } };
        await this.runs.update(unit, runId, { status: 'succeeded', progress: null, result, finishedAt: new Date() });
      });
    } catch (error) {
      this.logger.error({ msg: 'scheduling run failed', runId, error: (error as Error).message });
      await this.runs.update(outside, runId, { status: 'failed', progress: null, error: shownFailure(error), finishedAt: new Date() }).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** A mission's matchmaking as it stands (see `runInstanceOf`). */
  private async readInstance(unit: UnitOfWork, run: MatchmakingRun): Promise<RunInstance> {
    const blocks = await this.runs.blocksOf(unit, run.missionId);
    const meetings = await this.meetings.accepted(unit, run.missionId);
    // The sessions that hold them when they enrol hold them here too, waitlisted seats and talks in draft included:
    // a seat comes from the waitlist, and a draft is released, without a look at anyone's meetings.
    const agendas = await this.programme.sessionsOfParticipants(unit, run.missionId, participantsOf(meetings), { withoutMeetingBlocks: true });
    const declared = await this.runs.declared(unit, run.missionId, null);
    const transfers = await this.programme.transferTimes(unit, run.missionId);
    return runInstanceOf({ blocks, meetings, agendas, declared, transfers }, run);
  }

  /** The schedule against the meetings as they are now (locked): a meeting called off meanwhile is not placed. */
  private async apply(unit: UnitOfWork, run: MatchmakingRun, instance: RunInstance, schedule: MeetingSchedule): Promise<Omit<RunResult, 'timings'>> {
    const rows = await this.meetings.lockPlacedOrAccepted(unit, run.missionId);
    const meetings = new Map(rows.map((meeting) => [meeting.id, meeting]));
    const before: Placement[] = rows
      .filter((meeting) => meeting.slotId)
      .map((meeting) => ({
        meetingId: meeting.id,
        parties: [meeting.requesterId, meeting.inviteeId] as const,
        attendees: meeting.attendees,
        slotId: meeting.slotId!,
        table: meeting.tableNumber!,
        startsAt: meeting.startsAt!,
        endsAt: meeting.endsAt!,
        venue: instance.places.get(meeting.blockId ?? '')?.venue ?? null,
      }));
    const after: Placement[] = schedule.placed
      .filter((placed) => meetings.get(placed.meetingId)?.status === 'accepted')
      .map((placed) => {
        const meeting = meetings.get(placed.meetingId)!;
        const slot = instance.slots.get(placed.slotId)!;
        return {
          meetingId: placed.meetingId,
          parties: [meeting.requesterId, meeting.inviteeId] as const,
          attendees: meeting.attendees,
          slotId: placed.slotId,
          table: placed.table,
          startsAt: slot.start,
          endsAt: slot.end,
          venue: instance.places.get(slot.blockId)?.venue ?? null,
        };
      });
    const placements = new Map(after.map((placement) => [placement.meetingId, placement]));
    const diff = diffSchedules(before, after);
    const cause = { subject: run.id, missionId: run.missionId, time: new Date() };

    const changed: Meeting[] = [];
    const events: Announcement[] = [];
    for (const change of [...diff.scheduled, ...diff.moved.map((moved) => moved.to)]) {
      const meeting = meetings.get(change.meetingId)!;
      const previousSlot = slotOf(meeting);
      const placement = placements.get(change.meetingId)!;
      Object.assign(meeting, {
        blockId: instance.slots.get(placement.slotId)!.blockId,
        slotId: placement.slotId,
        startsAt: placement.startsAt,
        endsAt: placement.endsAt,
        tableNumber: placement.table,
        updatedAt: cause.time,
      });
      changed.push(meeting);
      events.push({
        type: 'meeting.scheduled',
        data: { ...meetingPayload(meeting), ...(previousSlot ? { previousSlot } : {}) },
        context: { ...cause, subject: meeting.id },
      });
    }
    for (const change of diff.cancelled) {
      const meeting = meetings.get(change.meetingId)!;
      const data: EventData<'meeting.cancelled'> = { ...meetingPayload(meeting), reason: meeting.cancelReason ?? 'not-scheduled' };
      Object.assign(meeting, { blockId: null, slotId: null, startsAt: null, endsAt: null, tableNumber: null, updatedAt: cause.time });
      changed.push(meeting);
      events.push({ type: 'meeting.cancelled', data, context: { ...cause, subject: meeting.id } });
    }
    // A run may move thousands of meetings: their places in one statement, their events in a few.
    await this.meetings.place(unit, changed, cause.time);
    await this.outbox.addMany(unit, events);

    // Each meeting's calendar SEQUENCE as it now stands (a moved or cancelled one's changed with it), as the agenda shows it.
    const sequenced = (placement: Placement): Placement => ({ ...placement, sequence: meetingSequence(meetings.get(placement.meetingId)!) });
    const notices = await this.publishTimetables(unit, run, before.map(sequenced), after.map(sequenced), diff);
    return {
      scheduled: after.length,
      kept: diff.unchanged,
      moved: diff.moved.length,
      cancelled: diff.cancelled.length,
      unscheduled: schedule.unscheduled,
      timetablesPublished: notices,
    };
  }

  private async publishTimetables(unit: UnitOfWork, run: MatchmakingRun, before: Placement[], after: Placement[], diff: ScheduleDiff): Promise<number> {
    const involved = [
      ...new Set(
        [...before, ...after].flatMap((placement) =>
          peopleOfMeeting({ requesterId: placement.parties[0], inviteeId: placement.parties[1], attendees: placement.attendees ?? [] }),
        ),
      ),
    ];
    if (involved.length === 0) return 0;
    const present = await this.participants.presentOf(unit, involved);
    const published = await this.timetables.publishedTo(unit, involved);
    const notices = timetableNotices(
      {
        missionId: run.missionId,
        runId: run.id,
        before,
        after,
        present,
        published,
      },
      diff,
    );
    await this.timetables.markPublished(
      unit,
      notices.map((notice) => notice.registrationId),
      run.missionId,
      run.id,
    );
    await this.outbox.addMany(
      unit,
      notices.map((notice) => ({
        type: 'meeting.timetable_published' as const,
        data: notice,
        context: { subject: notice.registrationId, missionId: run.missionId },
      })),
    );
    return notices.length;
  }
}

type Announcement = OutboxEntry;

function toRunView(run: MatchmakingRun): RunView {
  return {
    id: run.id,
    missionId: run.missionId,
    status: run.status,
    rebuild: run.rebuild,
    limitPerParticipant: run.limitPerParticipant,
    progress: run.progress,
    result: run.result,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** What organisers read of a failed run: a reason given to them, never a database's or a library's own words (those are logged). */
function shownFailure(error: unknown): string {
  if (error instanceof Problem) return error.detail ?? error.title;
  return 'An unexpected error stopped the run; it was logged, and the run can be started again.';
}
