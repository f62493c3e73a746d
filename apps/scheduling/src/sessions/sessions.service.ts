import {
  assertOrganiserOf,
  decodeCursor,
  encodeCursor,
  isUuid,
  organises,
  Problem,
  type Caller,
  type Page,
  type PageQuery,
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
import { Not, type DataSource, type EntityManager } from 'typeorm';
import { conflictsAfterMove, overlaps } from '../enrolments/conflict.rules.js';
import { EnrolmentEntity } from '../enrolments/enrolment.entity.js';
import { sessionsOfParticipants, timedSessionOf } from '../enrolments/participant-sessions.js';
import { SessionSeats } from '../enrolments/session-seats.js';
import type { MissionEntity } from '../missions/mission.entity.js';
import { VenueEntity } from '../venues/venue.entity.js';
import { missionOf, transferTimesOf } from '../venues/venues.service.js';
import { anyone, isVisibleTo, type ProgrammeViewer } from './session-visibility.js';
import { SessionEntity } from './session.entity.js';
import { sessionSchema, type CancelSession, type SessionChange, type SessionInput } from './session.schema.js';
import {
  toParticipantConflictView,
  toSessionSnapshot,
  toSessionView,
  venueOfEvents,
  withoutParticipants,
  type ParticipantConflictView,
  type SessionView,
} from './session.view.js';

/**
 * The programme's sessions. Organisers edit drafts freely and nothing is announced until a release;
 * once released, a change of time or venue is announced at once (`session.rescheduled`), in the
 * change's transaction, with the participants it touches, and a cancellation likewise (`session.cancelled`).
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly seats: SessionSeats,
  ) {}

  async create(caller: Caller, missionId: string, input: SessionInput, key?: IdempotencyKey): Promise<SessionView> {
    assertOrganiserOf(caller, missionId);
    return answerOnce(new Transactions(this.dataSource), key, async ({ manager }) => {
      const mission = await missionOf(manager, missionId);
      const venue = await this.placeOf(manager, mission, input, null);
      const now = new Date();
      const session = manager.create(SessionEntity, {
        id: randomUUID(),
        missionId,
        ...fieldsOf(input),
        status: 'active',
        cancellationReason: null,
        releasedAt: null,
        sequence: 0,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(SessionEntity, session);
      return toSessionView(session, venue, mission);
    });
  }

  /**
   * Changes a session. When its time or place changes, the answer names the participants (enrolled,
   * waiting or speaking) it now puts in conflict with another of their sessions, by the enrolment
   * rules; the change is made all the same.
   */
  async update(
    caller: Caller,
    missionId: string,
    sessionId: string,
    change: SessionChange,
  ): Promise<SessionView & { participantConflicts: ParticipantConflictView[] }> {
    assertOrganiserOf(caller, missionId);
    return this.dataSource.transaction(async (manager) => {
      const mission = await missionOf(manager, missionId);
      const session = await this.lock(manager, missionId, sessionId);
      if (session.status === 'cancelled') throw Problem.conflict('session-cancelled', 'The session is cancelled', `"${session.title}" was cancelled.`);
      const parsed = sessionSchema.safeParse({ ...inputOf(session), ...change });
      if (!parsed.success) {
        throw Problem.validation(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })));
      }
      const input = parsed.data;
      const counts = await this.seats.counts(manager, sessionId);
      if (input.capacity != null && input.capacity < counts.confirmed) {
        throw Problem.conflict(
          'capacity-below-enrolled',
          'More participants are enrolled than the new capacity',
          `${counts.confirmed} participants hold a seat in "${session.title}"; cancel enrolments before lowering the capacity to ${input.capacity}.`,
          { confirmed: counts.confirmed },
        );
      }
      const previousVenue = session.venueId ? await manager.findOneBy(VenueEntity, { id: session.venueId }) : null;
      const venue = await this.placeOf(manager, mission, input, session.id);
      const previous = { startsAt: session.startsAt, endsAt: session.endsAt, venueId: session.venueId };
      Object.assign(session, fieldsOf(input), { sequence: session.sequence + 1, updatedAt: new Date() });
      await manager.save(SessionEntity, session);

      const moved =
        previous.startsAt.getTime() !== session.startsAt.getTime() ||
        previous.endsAt.getTime() !== session.endsAt.getTime() ||
        previous.venueId !== session.venueId;
      let cause: CloudEvent | undefined;
      if (session.releasedAt && moved) {
        cause = await this.outbox.add(
          UnitOfWork.of(manager),
          'session.rescheduled',
          {
            ...toSessionSnapshot(session, venue, mission),
            previous: { startsAt: previous.startsAt.toISOString(), endsAt: previous.endsAt.toISOString(), venue: venueOfEvents(previousVenue) },
            participantIds: await touchedParticipants(manager, session),
          },
          { subject: session.id, missionId, time: session.updatedAt },
        );
      }
      // More seats (or no limit any more): the waitlist moves up.
      await this.seats.fillFromWaitlist(manager, session, cause);
      const participantConflicts = moved ? await conflictsOfParticipants(manager, session, venue) : [];
      return {
        ...toSessionView(session, venue, mission, await this.seats.counts(manager, sessionId)),
        participantConflicts: participantConflicts.map(toParticipantConflictView),
      };
    });
  }

  /** A released session is cancelled (and everyone it touches is told); a draft one too, silently. */
  async cancel(caller: Caller, missionId: string, sessionId: string, input: CancelSession): Promise<SessionView> {
    assertOrganiserOf(caller, missionId);
    return this.dataSource.transaction(async (manager) => {
      const mission = await missionOf(manager, missionId);
      const session = await this.lock(manager, missionId, sessionId);
      if (session.status === 'cancelled') throw Problem.conflict('session-cancelled', 'Already cancelled', `"${session.title}" was cancelled before.`);
      Object.assign(session, { status: 'cancelled', cancellationReason: input?.reason ?? null, sequence: session.sequence + 1, updatedAt: new Date() });
      await manager.save(SessionEntity, session);
      const venue = session.venueId ? await manager.findOneBy(VenueEntity, { id: session.venueId }) : null;
      if (session.releasedAt) {
        await this.outbox.add(
          UnitOfWork.of(manager),
          'session.cancelled',
          {
            ...toSessionSnapshot(session, venue, mission),
            ...(input?.reason ? { reason: input.reason } : {}),
            participantIds: await touchedParticipants(manager, session),
          },
          { subject: session.id, missionId, time: session.updatedAt },
        );
      }
      return toSessionView(session, venue, mission, await this.seats.counts(manager, sessionId));
    });
  }

  /** Only a draft that was never released can be deleted; a released one is cancelled instead. */
  async remove(caller: Caller, missionId: string, sessionId: string): Promise<void> {
    assertOrganiserOf(caller, missionId);
    await this.dataSource.transaction(async (manager) => {
      const session = await this.lock(manager, missionId, sessionId);
      if (session.releasedAt) {
        throw Problem.conflict('session-released', 'A released session cannot be deleted', `"${session.title}" was released; cancel it instead.`);
      }
      await manager.delete(SessionEntity, { id: sessionId });
    });
  }

  /** Drafts only for the mission's organisers; anyone else sees released sessions, one by invitation only if it concerns them. */
  async get(caller: Caller, missionId: string, sessionId: string): Promise<SessionView> {
    const manager = this.dataSource.manager;
    const mission = await missionOf(manager, missionId);
    const session = await manager.findOneBy(SessionEntity, { id: sessionId, missionId });
    if (!session || (!session.releasedAt && !organises(caller, missionId))) throw Problem.notFound('Session', sessionId);
    // As if it did not exist: a 403 would say that there is such a session. Only a session by invitation asks who the caller is.
    if (session.audience.kind === 'invitation' && !isVisibleTo(session, await programmeViewerOf(manager, caller, missionId))) {
      throw Problem.notFound('Session', sessionId);
    }
    const venue = session.venueId ? await manager.findOneBy(VenueEntity, { id: session.venueId }) : null;
    const view = toSessionView(session, venue, mission, await this.seats.counts(manager, sessionId));
    return organises(caller, missionId) ? view : withoutParticipants(view);
  }

  /** Every session of the mission, drafts included, in time order; for its organisers. */
  async list(caller: Caller, missionId: string, page: PageQuery): Promise<Page<SessionView>> {
    assertOrganiserOf(caller, missionId);
    const manager = this.dataSource.manager;
    const mission = await missionOf(manager, missionId);
    const after = cursorOf(page.cursor);
    const sessions = await manager
      .createQueryBuilder(SessionEntity, 'session')
      .where('session.missionId = :missionId', { missionId })
      .andWhere(after ? '(session.startsAt, session.id) > (:startsAt, :id)' : 'TRUE', after ?? {})
      .orderBy('session.startsAt', 'ASC')
      .addOrderBy('session.id', 'ASC')
      .limit(page.limit + 1)
      .getMany();
    const items = sessions.slice(0, page.limit);
    const venues = await venuesOf(manager, items);
    const counts = await this.seats.countsOf(
      manager,
      items.map((session) => session.id),
    );
    const views = items.map((session) => toSessionView(session, venues.get(session.venueId ?? '') ?? null, mission, counts.get(session.id)));
    const last = items.at(-1);
    return { items: views, nextCursor: sessions.length > page.limit && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null };
  }

  private async lock(manager: EntityManager, missionId: string, sessionId: string): Promise<SessionEntity> {
    const session = await manager.findOne(SessionEntity, { where: { id: sessionId, missionId }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw Problem.notFound('Session', sessionId);
    return session;
  }

  /**
   * The session's venue (of this mission) and route (between its cities), and no other running
   * session at that venue at the same time: the venue's row is locked, so two bookings take turns.
   */
  private async placeOf(manager: EntityManager, mission: MissionEntity, input: SessionInput, sessionId: string | null): Promise<VenueEntity | null> {
    const cities = mission.cities.map((city) => city.name);
    for (const end of ['from', 'to'] as const) {
      const city = input.route?.[end];
      if (city !== undefined && !cities.includes(city)) {
        throw Problem.validation([{ field: `route.${end}`, message: `must be one of the mission's cities: ${cities.join(', ')}` }]);
      }
    }
    if (!input.venueId) return null;
    const venue = await manager.findOne(VenueEntity, { where: { id: input.venueId, missionId: mission.id }, lock: { mode: 'pessimistic_write' } });
    if (!venue) throw Problem.validation([{ field: 'venueId', message: 'is not a venue of this mission' }]);
    const booked = await manager
      .createQueryBuilder(SessionEntity, 'session')
      .where(`session.venueId = :venueId AND session.status = 'active' AND session.startsAt < :endsAt AND session.endsAt > :startsAt`, {
        venueId: venue.id,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
      })
      .andWhere(sessionId ? 'session.id <> :sessionId' : 'TRUE', { sessionId })
      .orderBy('session.startsAt', 'ASC')
      .getMany();
    const clash = booked.find((other) => overlaps(other, { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) }));
    if (clash) {
      throw Problem.conflict(
        'venue-double-booked',
        'The venue is booked at that time',
        `${venue.name} is booked for "${clash.title}" (${clash.startsAt.toISOString()}–${clash.endsAt.toISOString()}).`,
        { conflictsWith: { sessionId: clash.id, title: clash.title, startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString() } },
      );
    }
    return venue;
  }
}

/**
 * Whom a change to the session touches: everyone holding a seat and every speaker who is a
 * participant (not erased), each once, by registration id.
 */
export async function touchedParticipants(manager: EntityManager, session: SessionEntity): Promise<string[]> {
  const speakers = session.speakers.flatMap((speaker) => (speaker.registrationId ? [speaker.registrationId] : []));
  const rows: { registration_id: string }[] = await manager.query(
    `SELECT registration_id FROM enrolments WHERE session_id = $1 AND status = 'confirmed'
     UNION
     SELECT registration_id FROM participants WHERE registration_id = ANY($2::uuid[]) AND mission_id = $3 AND erased_at IS NULL
     ORDER BY registration_id`,
    [session.id, speakers, session.missionId],
  );
  return rows.map((row) => row.registration_id);
}

/** The caller as a viewer of the mission's programme (see `isVisibleTo`); a participant with the sessions they hold a seat in or wait for. */
export async function programmeViewerOf(manager: EntityManager, caller: Caller, missionId: string): Promise<ProgrammeViewer> {
  if (organises(caller, missionId)) return { kind: 'organiser' };
  if (caller.kind !== 'participant' || caller.missionId !== missionId) return anyone;
  const enrolments = await manager.find(EnrolmentEntity, {
    select: { sessionId: true },
    where: { missionId, registrationId: caller.registrationId, status: Not('cancelled') },
  });
  return { kind: 'participant', registrationId: caller.registrationId, enrolledIn: new Set(enrolments.map((enrolment) => enrolment.sessionId)) };
}

/** Everyone in `session` (enrolled, waiting, speaking) whom it conflicts with another of their sessions, at its time and place now. */
async function conflictsOfParticipants(manager: EntityManager, session: SessionEntity, venue: VenueEntity | null) {
  const speakers = session.speakers.flatMap((speaker) => (speaker.registrationId ? [speaker.registrationId] : []));
  const rows: { registration_id: string }[] = await manager.query(
    `SELECT registration_id FROM enrolments WHERE session_id = $1 AND status <> 'cancelled' UNION SELECT unnest($2::uuid[])`,
    [session.id, speakers],
  );
  if (rows.length === 0) return [];
  const moved = timedSessionOf(session, venue);
  const participants = await sessionsOfParticipants(
    manager,
    session.missionId,
    rows.map((row) => row.registration_id),
  );
  return conflictsAfterMove(moved, participants, await transferTimesOf(manager, session.missionId));
}

export async function venuesOf(manager: EntityManager, sessions: readonly SessionEntity[]): Promise<Map<string, VenueEntity>> {
  const ids = [...new Set(sessions.flatMap((session) => (session.venueId ? [session.venueId] : [])))];
  if (ids.length === 0) return new Map();
  const venues = await manager.createQueryBuilder(VenueEntity, 'venue').where('venue.id IN (:...ids)', { ids }).getMany();
  return new Map(venues.map((venue) => [venue.id, venue]));
}

function fieldsOf(input: SessionInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    venueId: input.venueId ?? null,
    route: input.route ?? null,
    hostEvent: input.hostEvent ?? null,
    capacity: input.capacity ?? null,
    languages: input.languages,
    interpretation: input.interpretation ?? [],
    audience: input.audience ?? { kind: 'all' as const },
    speakers: input.speakers ?? [],
  };
}

/** A stored session as the input it could have come from, to apply a change to. */
function inputOf(session: SessionEntity): SessionInput {
  return {
    kind: session.kind,
    title: session.title,
    description: session.description,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    venueId: session.venueId,
    route: session.route,
    hostEvent: session.hostEvent,
    capacity: session.capacity,
    languages: session.languages,
    interpretation: session.interpretation,
    audience: session.audience,
    speakers: session.speakers,
  };
}

function cursorOf(cursor: string | undefined): { startsAt: Date; id: string } | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor);
  const [startsAt, id] = values ?? [];
  // Only what encodeCursor writes (toISOString, years 0–9999): any date Date.parse takes could lie outside Postgres's range.
  const written = typeof startsAt === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(startsAt) && !Number.isNaN(Date.parse(startsAt));
  if (values?.length !== 2 || !written || !isUuid(id)) {
    throw Problem.validation([{ field: 'cursor', message: 'is not a cursor of this list' }]);
  }
  return { startsAt: new Date(startsAt as string), id };
}
