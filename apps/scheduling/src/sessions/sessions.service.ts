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
import { conflictsAfterMove, overlaps, timedSessionOf } from '../programme/conflict.rules.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import { anyone, isVisibleTo, type ProgrammeViewer } from '../programme/session-visibility.js';
import { toSessionSnapshot, venueOfEvents } from '../programme/session.events.js';
import type { Session } from '../programme/session.js';
import type { Venue } from '../programme/venue.js';
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
  ) {}

  async create(caller: Caller, missionId: string, input: SessionInput, key?: IdempotencyKey): Promise<SessionView> {
    assertOrganiserOf(caller, missionId);
    return answerOnce(this.transactions, key, async (unit) => {
      const mission = await this.missions.get(unit, missionId);
      const venue = await this.placeOf(unit, mission, input, null);
      const now = new Date();
      const session: Session = {
        id: randomUUID(),
        missionId,
        ...fieldsOf(input),
        status: 'active',
        cancellationReason: null,
        releasedAt: null,
        sequence: 0,
        createdAt: now,
        updatedAt: now,
      };
      await this.sessions.insert(unit, session);
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
    return this.transactions.run(async (unit) => {
      const mission = await this.missions.get(unit, missionId);
      const session = await this.lock(unit, missionId, sessionId);
      if (session.status === 'cancelled') throw Problem.conflict('session-cancelled', 'The session is cancelled', `"${session.title}" was cancelled.`);
      const parsed = sessionSchema.safeParse({ ...inputOf(session), ...change });
      if (!parsed.success) {
        throw Problem.validation(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })));
      }
      const input = parsed.data;
      const counts = await this.seats.counts(unit, sessionId);
      if (input.capacity != null && input.capacity < counts.confirmed) {
        throw Problem.conflict(
          'capacity-below-enrolled',
          'More participants are enrolled than the new capacity',
          `${counts.confirmed} participants hold a seat in "${session.title}"; cancel enrolments before lowering the capacity to ${input.capacity}.`,
          { confirmed: counts.confirmed },
        );
      }
      const previousVenue = await this.programme.venue(unit, session.venueId);
      const venue = await this.placeOf(unit, mission, input, session.id);
      const previous = { startsAt: session.startsAt, endsAt: session.endsAt, venueId: session.venueId };
      Object.assign(session, fieldsOf(input), { sequence: session.sequence + 1, updatedAt: new Date() });
      await this.sessions.update(unit, session);

      const moved =
        previous.startsAt.getTime() !== session.startsAt.getTime() ||
        previous.endsAt.getTime() !== session.endsAt.getTime() ||
        previous.venueId !== session.venueId;
      let cause: CloudEvent | undefined;
      if (session.releasedAt && moved) {
        cause = await this.outbox.add(
          unit,
          'session.rescheduled',
          {
            ...toSessionSnapshot(session, venue, mission),
            previous: { startsAt: previous.startsAt.toISOString(), endsAt: previous.endsAt.toISOString(), venue: venueOfEvents(previousVenue) },
            participantIds: await this.touchedParticipants(unit, session),
          },
          { subject: session.id, missionId, time: session.updatedAt },
        );
      }
      // More seats (or no limit any more): the waitlist moves up.
      await this.seats.fillFromWaitlist(unit, session, cause);
      const participantConflicts = moved ? await this.conflictsOfParticipants(unit, session, venue) : [];
      return {
        ...toSessionView(session, venue, mission, await this.seats.counts(unit, sessionId)),
        participantConflicts: participantConflicts.map(toParticipantConflictView),
      };
    });
  }

  /** A released session is cancelled (and everyone it touches is told); a draft one too, silently. */
  async cancel(caller: Caller, missionId: string, sessionId: string, input: CancelSession): Promise<SessionView> {
    assertOrganiserOf(caller, missionId);
    return this.transactions.run(async (unit) => {
      const mission = await this.missions.get(unit, missionId);
      const session = await this.lock(unit, missionId, sessionId);
      if (session.status === 'cancelled') throw Problem.conflict('session-cancelled', 'Already cancelled', `"${session.title}" was cancelled before.`);
      Object.assign(session, { status: 'cancelled', cancellationReason: input?.reason ?? null, sequence: session.sequence + 1, updatedAt: new Date() });
      await this.sessions.update(unit, session);
      const venue = await this.programme.venue(unit, session.venueId);
      if (session.releasedAt) {
        await this.outbox.add(
          unit,
          'session.cancelled',
          {
            ...toSessionSnapshot(session, venue, mission),
            ...(input?.reason ? { reason: input.reason } : {}),
            participantIds: await this.touchedParticipants(unit, session),
          },
          { subject: session.id, missionId, time: session.updatedAt },
        );
      }
      return toSessionView(session, venue, mission, await this.seats.counts(unit, sessionId));
    });
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
  async get(caller: Caller, missionId: string, sessionId: string): Promise<SessionView> {
    const unit = this.transactions.outside;
    const mission = await this.missions.get(unit, missionId);
    const session = await this.programme.session(unit, missionId, sessionId);
    if (!session || (!session.releasedAt && !organises(caller, missionId))) throw Problem.notFound('Session', sessionId);
    // As if it did not exist: a 403 would say that there is such a session. Only a session by invitation asks who the caller is.
    if (session.audience.kind === 'invitation' && !isVisibleTo(session, await this.viewerOf(unit, caller, missionId))) {
      throw Problem.notFound('Session', sessionId);
    }
    const venue = await this.programme.venue(unit, session.venueId);
    const view = toSessionView(session, venue, mission, await this.seats.counts(unit, sessionId));
    return organises(caller, missionId) ? view : withoutParticipants(view);
  }

  /** Every session of the mission, drafts included, in time order; for its organisers. */
  async list(caller: Caller, missionId: string, page: PageQuery): Promise<Page<SessionView>> {
    assertOrganiserOf(caller, missionId);
    const unit = this.transactions.outside;
    const mission = await this.missions.get(unit, missionId);
    const after = cursorOf(page.cursor);
    const sessions = await this.sessions.page(unit, missionId, after, page.limit + 1);
    const items = sessions.slice(0, page.limit);
    const venues = await this.programme.venuesOf(unit, items);
    const counts = await this.enrolments.countsOf(
      unit,
      items.map((session) => session.id),
    );
    const views = items.map((session) => toSessionView(session, venues.get(session.venueId ?? '') ?? null, mission, counts.get(session.id)));
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

  /**
   * The session's venue (of this mission) and route (between its cities), and no other running
   * session at that venue at the same time: the venue's row is locked, so two bookings take turns.
   */
  private async placeOf(unit: UnitOfWork, mission: Mission, input: SessionInput, sessionId: string | null): Promise<Venue | null> {
    const cities = mission.cities.map((city) => city.name);
    for (const end of ['from', 'to'] as const) {
      const city = input.route?.[end];
      if (city !== undefined && !cities.includes(city)) {
        throw Problem.validation([{ field: `route.${end}`, message: `must be one of the mission's cities: ${cities.join(', ')}` }]);
      }
    }
    if (!input.venueId) return null;
    const venue = await this.sessions.lockVenue(unit, mission.id, input.venueId);
    if (!venue) throw Problem.validation([{ field: 'venueId', message: 'is not a venue of this mission' }]);
    const booked = await this.sessions.bookedAt(unit, venue.id, new Date(input.startsAt), new Date(input.endsAt), sessionId);
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

  /**
   * Whom a change to the session touches: everyone holding a seat and every speaker who is a
   * participant (not erased), each once, by registration id.
   */
  private touchedParticipants(unit: UnitOfWork, session: Session): Promise<string[]> {
    return this.enrolments.seatedOrSpeaking(unit, session, speakersOf(session));
  }

  /** Everyone in `session` (enrolled, waiting, speaking) whom it conflicts with another of their sessions, at its time and place now. */
  private async conflictsOfParticipants(unit: UnitOfWork, session: Session, venue: Venue | null) {
    const inSession = await this.enrolments.inSession(unit, session.id, speakersOf(session));
    if (inSession.length === 0) return [];
    const participants = await this.programme.sessionsOfParticipants(unit, session.missionId, inSession);
    return conflictsAfterMove(timedSessionOf(session, venue), participants, await this.programme.transferTimes(unit, session.missionId));
  }
}

function speakersOf(session: Session): string[] {
  return session.speakers.flatMap((speaker) => (speaker.registrationId ? [speaker.registrationId] : []));
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
function inputOf(session: Session): SessionInput {
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
