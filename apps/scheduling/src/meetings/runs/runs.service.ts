import { assertOrganiserOf, isUniqueViolation, Problem, type Caller, answerOnce, type IdempotencyKey, UnitOfWork, Transactions } from '#common';
import type { EventData } from '#contracts';
import { OutboxService, type OutboxEntry } from '#messaging';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { MeetingSchedule } from '../../matchmaking/meeting-scheduler.js';
import { ParticipantEntity } from '../../participants/participant.entity.js';
import { missionOf } from '../../venues/venues.service.js';
import { MeetingEntity } from '../requests/meeting.entity.js';
import { meetingPayload, slotOf } from '../requests/meeting.rules.js';
import { diffSchedules, type ScheduleDiff } from '../../matchmaking/schedule-diff.js';
import { timetableNotices, type Placement } from '../timetables/timetable.js';
import { readRunInstance, type RunInstance } from './run-instance.js';
import { scheduleInWorker } from './schedule-in-worker.js';
import { MatchmakingRunEntity } from './run.entity.js';
import type { RunInput } from './run.schema.js';
import type { RunResult, RunView } from './run.view.js';

/** How often a working instance says so, and after how long without a word its run counts as abandoned. */
const HEARTBEAT_MS = 5_000;
const ABANDONED_AFTER_MS = 30_000;

/**
 * Scheduling runs: the request stores a queued run and returns; the run then works in this process,
 * outside the request, its row being its state (queued → running → succeeded | failed). One run per
 * mission at a time (a unique index). The result is applied in one transaction: every meeting
 * scheduled, moved or cancelled is announced, and each participant whose meetings changed is sent
 * their timetable once (`meeting.timetable_published`).
 */

@Injectable()
export class RunsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunsService.name);
  private readonly working = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
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
    await this.dataSource.query(
      `UPDATE matchmaking_runs SET status = 'failed', progress = NULL, error = 'interrupted: the instance working on it stopped', finished_at = now()
        WHERE status IN ('queued', 'running') AND heartbeat_at < now() - make_interval(secs => $1) AND ($2::uuid IS NULL OR mission_id = $2)`,
      [ABANDONED_AFTER_MS / 1000, missionId],
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.working]);
  }

  async start(caller: Caller, missionId: string, input: RunInput, key?: IdempotencyKey): Promise<RunView> {
    assertOrganiserOf(caller, missionId);
    await missionOf(this.dataSource.manager, missionId);
    const run = this.dataSource.manager.create(MatchmakingRunEntity, {
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
    });
    await this.failAbandoned(missionId);
    try {
      // The run is started only once its row, and the response kept with it, committed.
      await answerOnce(new Transactions(this.dataSource), key, async ({ manager }) => {
        await manager.insert(MatchmakingRunEntity, run);
        return toRunView(run);
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'matchmaking_runs_active')) throw error;
      const active = await this.dataSource.manager.findOneBy(MatchmakingRunEntity, { missionId, status: In(['queued', 'running']) });
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
    const run = await this.dataSource.manager.findOneBy(MatchmakingRunEntity, { id: runId, missionId });
    if (!run) throw Problem.notFound('Scheduling run', runId);
    return toRunView(run);
  }

  private async execute(runId: string): Promise<void> {
    const runs = this.dataSource.getRepository(MatchmakingRunEntity);
    const heartbeat = setInterval(
      () => void this.dataSource.query(`UPDATE matchmaking_runs SET heartbeat_at = now() WHERE id = $1`, [runId]).catch(() => undefined),
      HEARTBEAT_MS,
    );
    try {
      const run = await runs.findOneByOrFail({ id: runId });
      await runs.update({ id: runId }, { status: 'running', startedAt: new Date(), progress: 'reading the requests and the programme' });
      const began = performance.now();
      const instance = await readRunInstance(this.dataSource.manager, run.missionId, run);
      await runs.update({ id: runId }, { progress: `placing ${instance.input.meetings.length} accepted meetings in ${instance.slots.size} slots` });
      const read = performance.now();
      const schedule = await scheduleInWorker(instance.input);
      const placed = performance.now();
      await runs.update({ id: runId }, { progress: `announcing ${schedule.placed.length} placed meetings` });
      await this.dataSource.transaction(async (manager) => {
        const applied = await this.apply(manager, run, instance, schedule);
        const ms = (from: number, to: number) => Math.round(to - from);
        const result = { ...applied, timings: { readMs: ms(began, read), scheduleMs: ms(read, placed), applyMs: ms(placed, performance.now()) } };
        await manager.update(MatchmakingRunEntity, { id: runId }, { status: 'succeeded', progress: null, result, finishedAt: new Date() });
      });
    } catch (error) {
      this.logger.error({ msg: 'scheduling run failed', runId, error: (error as Error).message });
      await runs.update({ id: runId }, { status: 'failed', progress: null, error: shownFailure(error), finishedAt: new Date() }).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The schedule against the meetings as they are now (locked): a meeting called off meanwhile is not placed. */
  private async apply(
    manager: EntityManager,
    run: MatchmakingRunEntity,
    instance: RunInstance,
    schedule: MeetingSchedule,
  ): Promise<Omit<RunResult, 'timings'>> {
    const rows = await manager
      .createQueryBuilder(MeetingEntity, 'm')
      .setLock('pessimistic_write')
      .where('m.mission_id = :missionId', { missionId: run.missionId })
      .andWhere(`(m.slot_id IS NOT NULL OR m.status = 'accepted')`)
      .orderBy('m.id')
      .getMany();
    const meetings = new Map(rows.map((meeting) => [meeting.id, meeting]));
    const before: Placement[] = rows
      .filter((meeting) => meeting.slotId)
      .map((meeting) => ({
        meetingId: meeting.id,
        parties: [meeting.requesterId, meeting.inviteeId],
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
          parties: [meeting.requesterId, meeting.inviteeId],
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

    const changed: MeetingEntity[] = [];
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
    await manager.query(
      `UPDATE meetings m SET block_id = u.block_id, slot_id = u.slot_id, starts_at = u.starts_at, ends_at = u.ends_at, table_number = u.table_number, updated_at = $7
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[]) AS u(id, block_id, slot_id, starts_at, ends_at, table_number)
        WHERE m.id = u.id`,
      [
        changed.map((meeting) => meeting.id),
        changed.map((meeting) => meeting.blockId),
        changed.map((meeting) => meeting.slotId),
        changed.map((meeting) => meeting.startsAt),
        changed.map((meeting) => meeting.endsAt),
        changed.map((meeting) => meeting.tableNumber),
        cause.time,
      ],
    );
    await this.outbox.addMany(UnitOfWork.of(manager), events);

    const notices = await this.timetables(manager, run, before, after, diff);
    return {
      scheduled: after.length,
      kept: diff.unchanged,
      moved: diff.moved.length,
      cancelled: diff.cancelled.length,
      unscheduled: schedule.unscheduled,
      timetablesPublished: notices,
    };
  }

  private async timetables(manager: EntityManager, run: MatchmakingRunEntity, before: Placement[], after: Placement[], diff: ScheduleDiff): Promise<number> {
    const involved = [...new Set([...before, ...after].flatMap((placement) => placement.parties))];
    if (involved.length === 0) return 0;
    const present = await manager.find(ParticipantEntity, {
      where: { registrationId: In(involved), status: 'confirmed' },
      select: { registrationId: true, erasedAt: true },
    });
    const published: { registration_id: string }[] = await manager.query(`SELECT registration_id FROM meeting_timetables WHERE registration_id = ANY ($1)`, [
      involved,
    ]);
    const notices = timetableNotices(
      {
        missionId: run.missionId,
        runId: run.id,
        before,
        after,
        present: new Set(present.filter((participant) => !participant.erasedAt).map((participant) => participant.registrationId)),
        published: new Set(published.map((row) => row.registration_id)),
      },
      diff,
    );
    await manager.query(
      `INSERT INTO meeting_timetables (registration_id, mission_id, first_run_id, last_run_id)
       SELECT id, $2, $3, $3 FROM unnest($1::uuid[]) AS id
       ON CONFLICT (registration_id) DO UPDATE SET last_run_id = EXCLUDED.last_run_id`,
      [notices.map((notice) => notice.registrationId), run.missionId, run.id],
    );
    await this.outbox.addMany(
      UnitOfWork.of(manager),
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

function toRunView(run: MatchmakingRunEntity): RunView {
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
