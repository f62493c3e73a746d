import {
  answerOnce,
  assertOrganiserOf,
  decodeCursor,
  encodeCursor,
  isUuid,
  organises,
  Problem,
  Transactions,
  UnitOfWork,
  type Caller,
  type IdempotencyKey,
  type Page,
  type PageQuery,
} from '#common';
import type { CloudEvent } from '#contracts';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository.js';
import { SessionSeatsService } from '../enrolments/session-seats.service.js';
import type { Mission } from '../missions/mission.js';
import { MissionsRepository } from '../missions/missions.repository.js';
import { conflictsAfterMove, timedSessionOf, type ParticipantConflict } from '../programme/conflict.rules.js';
import { ancestorsOf, childrenAfterChange, heightOf, shifted } from '../programme/nesting.rules.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import { anyone, isVisibleTo, type ProgrammeViewer } from '../programme/session-visibility.js';
import { toSessionSnapshot, venueOfEvents } from '../programme/session.events.js';
import type { Session } from '../programme/session.js';
import type { Room, Venue } from '../programme/venue.js';
import { SessionStructure } from './session-structure.service.js';
import { sessionSchema, type CancelSession, type SessionChange, type SessionInput } from './session.schema.js';
import { toParticipantConflictView, toSessionView, withoutParticipants, type ParticipantConflictView, type SessionView } from './session.view.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * The programme's sessions. Organisers edit drafts freely and nothing is announced until a release;
 * once released, a change of time or venue is announced at once (`session.rescheduled`), in the
 * change's transaction, with the participants it touches, and a cancellation likewise (`session.cancelled`).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly seats: SessionSeatsService,
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly programme: ProgrammeRepository,
    private readonly missions: MissionsRepository,
    private readonly structure: SessionStructure,
  ) {}

  async create(caller: Caller, missionId: string, input: SessionInput, key?: IdempotencyKey): Promise<SessionView> {
    assertOrganiserOf(caller, missionId);
    return answerOnce(this.transactions, key, async (unit) => {
      const mission = await this.missions.get(unit, missionId);
      const locked = await this.structure.lockParent(unit, missionId, input.parentSessionId);
      const parents = await this.structure.parents(unit, missionId);
      const times = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
      const parent = this.structure.parentOf({ ...times, id: null, height: 1, parentSessionId: input.parentSessionId ?? null }, locked, parents);
      const place = await this.structure.placeOf(unit, mission, input, null, parent ? [parent.session.id, ...parent.ancestors] : [], parents);
      const now = new Date();
      const session: Session = {
        id: randomUUID(),
        missionId,
        ...fieldsOf(input),
        capacity: place.capacity,
        status: 'active',
        cancellationReason: null,
        releasedAt: null,
        sequence: 0,
        createdAt: now,
        updatedAt: now,
      };
      await this.sessions.insert(unit, session);
      return toSessionView(session, place, mission);
    });
  }

  /**
   * Changes a session. When its time or place changes, the answer names the participants (enrolled,
   * waiting or speaking) it now puts in conflict with another of their sessions, by the enrolment
   * rules; the change is made all the same. A session that holds others takes them along when it moves
   * (both ends by the same time); any other new time must still hold each of them (see
   * `childrenAfterChange`).
   */
  async update(
    caller: Caller,
    missionId: string,
    sessionId: string,
    change: SessionChange,
  ): Promise<SessionView & { participantConflicts: ParticipantConflictView[] }> {
    assertOrganiserOf(caller, missionId);
    return this.transactions.run(async (unit) => {
      const mission = await this.missions.get(unit, missionId);
      const seen = await this.programme.session(unit, missionId, sessionId);
      if (!seen) throw Problem.notFound('Session', sessionId);
      // The parent first, then the session: sessions are locked from the top down.
      const parentSessionId = change.parentSessionId !== undefined ? change.parentSessionId : seen.parentSessionId;
      const locked = await this.structure.lockParent(unit, missionId, parentSessionId);
      const session = await this.lock(unit, missionId, sessionId);
      if (session.status === 'cancelled') throw Problem.conflict('session-cancelled', 'The session is cancelled', `"${session.title}" was cancelled.`);
      const parsed = sessionSchema.safeParse({ ...inputOf(session), ...change });
      if (!parsed.success) {
        throw Problem.validation(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })));
      }
      const input = parsed.data;
      const times = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
      const parents = await this.structure.parents(unit, missionId);
      const child = { ...times, id: session.id, height: heightOf(session.id, parents), parentSessionId: input.parentSessionId ?? null };
      const parent = this.structure.parentOf(child, locked, parents);
      parents.set(session.id, parent?.session.id ?? null);
      const descendants = await this.structure.lockDescendants(unit, session.id);
      const running = descendants.filter((descendant) => descendant.status === 'active');
      const plan = childrenAfterChange(
        session,
        times,
        running.filter((descendant) => descendant.parentSessionId === session.id),
      );
      if (plan.kind === 'outside') {
        const [first] = plan.children;
        throw Problem.conflict(
          'children-outside',
          'A session it holds would lie outside it',
          `"${first!.title}" (${first!.startsAt.toISOString()}–${first!.endsAt.toISOString()}) would lie outside the new time; move or shorten it first, or move the whole session (both ends by the same time) to take it along.`,
          {
            children: plan.children.map((outside) => ({
              sessionId: outside.id,
              title: outside.title,
              startsAt: outside.startsAt.toISOString(),
              endsAt: outside.endsAt.toISOString(),
            })),
          },
        );
      }
      const ancestors = parent ? [parent.session.id, ...parent.ancestors] : [];
      const place = await this.structure.placeOf(unit, mission, input, session.id, ancestors, parents);
      const counts = await this.seats.counts(unit, sessionId);
      if (place.capacity != null && place.capacity < counts.confirmed) {
        throw Problem.conflict(
          'capacity-below-enrolled',
          'More participants are enrolled than the new capacity',
          `${counts.confirmed} participants hold a seat in "${session.title}"; cancel enrolments before lowering the capacity to ${place.capacity}.`,
          { confirmed: counts.confirmed },
        );
      }
      const previousVenue = await this.programme.venue(unit, session.venueId);
      const now = new Date();
      const moved = await this.apply(unit, mission, session, { ...fieldsOf(input), capacity: place.capacity }, previousVenue, place.venue, now);
      // More seats (or no limit any more): the waitlist moves up.
      await this.seats.fillFromWaitlist(unit, session, moved.cause);
      const participantConflicts = moved.moved ? await this.conflictsOfParticipants(unit, session, place.venue, ancestors) : [];

      if (plan.kind === 'move') {
        const moving = new Set([session.id, ...running.map((descendant) => descendant.id)]);
        const venues = new Map<string, Venue | null>();
        for (const descendant of running) {
          const venue = await this.programme.venue(unit, descendant.venueId);
          venues.set(descendant.id, venue);
          const next = shifted(descendant, plan.shift);
          await this.structure.checkMoved(unit, { ...descendant, startsAt: next.startsAt, endsAt: next.endsAt }, moving, parents);
          await this.apply(unit, mission, descendant, { startsAt: next.startsAt, endsAt: next.endsAt }, venue, venue, now);
        }
        // Only once all have moved: a panel judged beside a sibling still at its old time would clash with it.
        for (const descendant of running) {
          participantConflicts.push(
            ...(await this.conflictsOfParticipants(unit, descendant, venues.get(descendant.id) ?? null, ancestorsOf(descendant.parentSessionId, parents))),
          );
        }
      }
      return {
        ...toSessionView(session, place, mission, await this.seats.counts(unit, sessionId)),
        participantConflicts: participantConflicts.map(toParticipantConflictView),
      };
    });
  }

  /** Writes a change to a session; a released one that moved (time or venue) is announced at once, to everyone it touches. */
  private async apply(
    unit: UnitOfWork,
    mission: Mission,
    session: Session,
    fields: Partial<Session>,
    previousVenue: Venue | null,
    venue: Venue | null,
    now: Date,
  ): Promise<{ moved: boolean; cause?: CloudEvent }> {
    const previous = { startsAt: session.startsAt, endsAt: session.endsAt, venueId: session.venueId };
    Object.assign(session, fields, { sequence: session.sequence + 1, updatedAt: now });
    await this.sessions.update(unit, session);
    const moved =
      previous.startsAt.getTime() !== session.startsAt.getTime() ||
      previous.endsAt.getTime() !== session.endsAt.getTime() ||
      previous.venueId !== session.venueId;
    if (!session.releasedAt || !moved) return { moved };
    const cause = await this.outbox.add(
      unit,
      'session.rescheduled',
      {
        ...toSessionSnapshot(session, venue, mission),
        previous: { startsAt: previous.startsAt.toISOString(), endsAt: previous.endsAt.toISOString(), venue: venueOfEvents(previousVenue) },
        participantIds: await this.touchedParticipants(unit, session),
      },
      { subject: session.id, missionId: mission.id, time: session.updatedAt },
    );
    return { moved, cause };
  }

  /**
   * A released session is cancelled (and everyone it touches is told); a draft one too, silently. The
   * sessions it holds are cancelled with it, each announced likewise: the forum's panels do not run
   * without the forum.
   */
  async cancel(caller: Caller, missionId: string, sessionId: string, input: CancelSession): Promise<SessionView> {
    assertOrganiserOf(caller, missionId);
    return this.transactions.run(async (unit) => {
      const mission = await this.missions.get(unit, missionId);
      const session = await this.lock(unit, missionId, sessionId);
      if (session.status === 'cancelled') throw Problem.conflict('session-cancelled', 'Already cancelled', `"${session.title}" was cancelled before.`);
      const descendants = await this.structure.lockDescendants(unit, sessionId);
      const now = new Date();
      for (const cancelled of [session, ...descendants.filter((descendant) => descendant.status === 'active')]) {
        await this.cancelOne(unit, mission, cancelled, input?.reason ?? null, now);
      }
      const place = await this.placeOfStored(unit, session);
      return toSessionView(session, place, mission, await this.seats.counts(unit, sessionId));
    });
  }

  private async cancelOne(unit: UnitOfWork, mission: Mission, session: Session, reason: string | null, now: Date): Promise<void> {
    Object.assign(session, { status: 'cancelled', cancellationReason: reason, sequence: session.sequence + 1, updatedAt: now });
    await this.sessions.update(unit, session);
    if (!session.releasedAt) return;
    const venue = await this.programme.venue(unit, session.venueId);
    await this.outbox.add(
      unit,
      'session.cancelled',
      {
        ...toSessionSnapshot(session, venue, mission),
        ...(reason ? { reason } : {}),
        participantIds: await this.touchedParticipants(unit, session),
      },
      { subject: session.id, missionId: mission.id, time: session.updatedAt },
    );
  }

  /** Only a draft that was never released can be deleted; a released one is cancelled instead. */
  async remove(caller: Caller, missionId: string, sessionId: string): Promise<void> {
    assertOrganiserOf(caller, missionId);
    await this.transactions.run(async (unit) => {
      const session = await this.lock(unit, missionId, sessionId);
      if (session.releasedAt) {
        throw Problem.conflict('session-released', 'A released session cannot be deleted', `"${session.title}" was released; cancel it instead.`);
      }
      await this.sessions.delete(unit, sessionId);
    });
  }

  /** Drafts only for the mission's organisers; anyone else sees released sessions, one by invitation only if it concerns them. */
  async get(caller: Caller, missionId: string, sessionId: string, accepted: readonly string[] = []): Promise<SessionView> {
    const unit = this.transactions.outside;
    const mission = await this.missions.get(unit, missionId);
    const session = await this.programme.session(unit, missionId, sessionId);
    if (!session || (!session.releasedAt && !organises(caller, missionId))) throw Problem.notFound('Session', sessionId);
    // As if it did not exist: a 403 would say that there is such a session. Only a session by invitation asks who the caller is.
    if (session.audience.kind === 'invitation' && !isVisibleTo(session, await this.viewerOf(unit, caller, missionId))) {
      throw Problem.notFound('Session', sessionId);
    }
    const view = toSessionView(session, await this.placeOfStored(unit, session), mission, await this.seats.counts(unit, sessionId), accepted);
    return organises(caller, missionId) ? view : withoutParticipants(view);
  }

  /** Every session of the mission, drafts included, in time order; for its organisers. */
  async list(caller: Caller, missionId: string, page: PageQuery, accepted: readonly string[] = []): Promise<Page<SessionView>> {
    assertOrganiserOf(caller, missionId);
    const unit = this.transactions.outside;
    const mission = await this.missions.get(unit, missionId);
    const after = cursorOf(page.cursor);
    const sessions = await this.sessions.page(unit, missionId, after, page.limit + 1);
    const items = sessions.slice(0, page.limit);
    const venues = await this.programme.venuesOf(unit, items);
    const rooms = await this.programme.roomsOf(unit, items);
    const counts = await this.enrolments.countsOf(
      unit,
      items.map((session) => session.id),
    );
    const views = items.map((session) =>
      toSessionView(
        session,
        { venue: venues.get(session.venueId ?? '') ?? null, room: rooms.get(session.roomId ?? '') ?? null },
        mission,
        counts.get(session.id),
        accepted,
      ),
    );
    const last = items.at(-1);
    return { items: views, nextCursor: sessions.length > page.limit && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null };
  }

  /** The caller as a viewer of the mission's programme (see `isVisibleTo`); a participant with the sessions they hold a seat in or wait for. */
  async viewerOf(unit: UnitOfWork, caller: Caller, missionId: string): Promise<ProgrammeViewer> {
    if (organises(caller, missionId)) return { kind: 'organiser' };
    if (caller.kind !== 'participant' || caller.missionId !== missionId) return anyone;
    const enrolledIn = await this.enrolments.sessionIdsOf(unit, missionId, caller.registrationId);
    return { kind: 'participant', registrationId: caller.registrationId, enrolledIn: new Set(enrolledIn) };
  }

  private async lock(unit: UnitOfWork, missionId: string, sessionId: string): Promise<Session> {
    const session = await this.sessions.lock(unit, missionId, sessionId);
    if (!session) throw Problem.notFound('Session', sessionId);
    return session;
  }

  /** A stored session's venue and room. */
  private async placeOfStored(unit: UnitOfWork, session: Session): Promise<{ venue: Venue | null; room: Room | null }> {
    return { venue: await this.programme.venue(unit, session.venueId), room: await this.programme.room(unit, session.roomId) };
  }

  /**
   * Whom a change to the session touches: everyone holding a seat and every speaker who is a
   * participant (not erased), each once, by registration id.
   */
  private touchedParticipants(unit: UnitOfWork, session: Session): Promise<string[]> {
    return this.enrolments.seatedOrSpeaking(unit, session, speakersOf(session));
  }

  /** Everyone in `session` (enrolled, waiting, speaking) whom it conflicts with another of their sessions, at its time and place now. */
  private async conflictsOfParticipants(unit: UnitOfWork, session: Session, venue: Venue | null, ancestors: readonly string[]): Promise<ParticipantConflict[]> {
    const inSession = await this.enrolments.inSession(unit, session.id, speakersOf(session));
    if (inSession.length === 0) return [];
    const participants = await this.programme.sessionsOfParticipants(unit, session.missionId, inSession);
    return conflictsAfterMove(timedSessionOf(session, venue, ancestors), participants, await this.programme.transferTimes(unit, session.missionId));
  }
}

function speakersOf(session: Session): string[] {
  return session.speakers.flatMap((speaker) => (speaker.registrationId ? [speaker.registrationId] : []));
}

function fieldsOf(input: SessionInput) {
  return {
    kind: input.kind,
    title: input.title,
    titles: input.titles ?? {},
    description: input.description ?? null,
    descriptions: input.descriptions ?? {},
    parentSessionId: input.parentSessionId ?? null,
    roomId: input.roomId ?? null,
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
function inputOf(session: Session): SessionInput {
  return {
    kind: session.kind,
    title: session.title,
    titles: session.titles,
    description: session.description,
    descriptions: session.descriptions,
    parentSessionId: session.parentSessionId,
    roomId: session.roomId,
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
