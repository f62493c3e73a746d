import {
  assertOrganiserOf,
  assertOrganiserOrSelf,
  encodeCursor,
  organises,
  Problem,
  seqOfCursor,
  type Caller,
  type Page,
  answerOnce,
  type IdempotencyKey,
  Transactions,
} from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import { confirmedParticipant } from '../participants/confirmed-participant.js';
import { ParticipantEntity } from '../participants/participant.entity.js';
import { isVisibleTo, type ProgrammeViewer } from '../sessions/session-visibility.js';
import { SessionEntity } from '../sessions/session.entity.js';
import { VenueEntity } from '../venues/venue.entity.js';
import { transferTimesOf } from '../venues/venues.service.js';
import { describeConflict, findConflict } from './conflict.rules.js';
import { EnrolmentEntity } from './enrolment.entity.js';
import { admits, placeOf } from './enrolment.rules.js';
import type { EnrolmentListQuery } from './enrolment.schema.js';
import { toEnrolmentView, type EnrolmentView } from './enrolment.view.js';
import { sessionsOfParticipant, timedSessionOf } from './participant-sessions.js';
import { SessionSeats } from './session-seats.js';

@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seats: SessionSeats,
  ) {}

  /**
   * A seat, or the end of the waitlist. The participant's row is locked first (their own enrolments
   * take turns, so two at once cannot both pass the conflict check), then the session's (its seats).
   */
  async enrol(caller: Caller, missionId: string, sessionId: string, requested: string | undefined, key?: IdempotencyKey): Promise<EnrolmentView> {
    const registrationId = requested ?? (caller.kind === 'participant' ? caller.registrationId : undefined);
    if (!registrationId) throw Problem.validation([{ field: 'registrationId', message: 'is required when an organiser enrols someone' }]);
    assertOrganiserOrSelf(caller, missionId, registrationId);

    return answerOnce(new Transactions(this.dataSource), key, async ({ manager }) => {
      const participant = await confirmedParticipant(manager, missionId, registrationId, { field: 'Registration', lock: true });
      // Everything that does not need the seats is checked before the session's lock, so the lock is held briefly.
      const seen = await manager.findOneBy(SessionEntity, { id: sessionId, missionId });
      if (!seen) throw Problem.notFound('Session', sessionId);
      await this.refuseUnless(manager, caller, participant, seen);
      const session = (await this.seats.lock(manager, sessionId))!;
      // An organiser changed the session in between (rare): check again, under the lock this time.
      if (session.updatedAt.getTime() !== seen.updatedAt.getTime()) await this.refuseUnless(manager, caller, participant, session);

      const { confirmed } = await this.seats.counts(manager, sessionId);
      const now = new Date();
      const enrolment = manager.create(EnrolmentEntity, {
        id: randomUUID(),
        sessionId,
        missionId,
        registrationId,
        status: placeOf(session.capacity, confirmed),
        enrolledBy: caller.kind === 'organiser' ? caller.subject : 'participant',
        createdAt: now,
        updatedAt: now,
      });
      const [row]: { seq: string; waitlist_order: string | null }[] = await manager.query(
        `INSERT INTO enrolments (id, session_id, mission_id, registration_id, status, waitlist_order, enrolled_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, ${enrolment.status === 'waitlisted' ? `nextval('enrolment_waitlist_order')` : 'NULL'}, $6, $7, $7)
         RETURNING seq::text, waitlist_order::text`,
        [enrolment.id, sessionId, missionId, registrationId, enrolment.status, enrolment.enrolledBy, now],
      );
      Object.assign(enrolment, { seq: row.seq, waitlistOrder: row.waitlist_order });
      const position = await this.seats.waitlistPosition(manager, enrolment);
      await this.seats.announce(manager, session, enrolment, { previousStatus: null, waitlistPosition: position });
      return toEnrolmentView(enrolment, position);
    });
  }

  async cancel(caller: Caller, missionId: string, sessionId: string, enrolmentId: string): Promise<EnrolmentView> {
    const found = await this.dataSource.getRepository(EnrolmentEntity).findOneBy({ id: enrolmentId, sessionId, missionId });
    if (!found) throw Problem.notFound('Enrolment', enrolmentId);
    assertOrganiserOrSelf(caller, missionId, found.registrationId);
    return this.dataSource.transaction(async (manager) => {
      const session = (await this.seats.lock(manager, sessionId))!;
      const enrolment = await manager.findOneByOrFail(EnrolmentEntity, { id: enrolmentId });
      if (enrolment.status === 'cancelled') throw Problem.conflict('already-cancelled', 'Already cancelled', 'The enrolment was cancelled before.');
      await this.seats.cancel(manager, session, enrolment, 'withdrawn');
      return toEnrolmentView(enrolment, null);
    });
  }

  /** A session's enrolments in arrival order, for its organisers; waitlisted ones with their place in line. */
  async list(caller: Caller, missionId: string, sessionId: string, query: EnrolmentListQuery): Promise<Page<EnrolmentView>> {
    assertOrganiserOf(caller, missionId);
    const manager = this.dataSource.manager;
    const session = await manager.findOneBy(SessionEntity, { id: sessionId, missionId });
    if (!session) throw Problem.notFound('Session', sessionId);
    const after = seqOfCursor(query.cursor);
    const rows = await manager.find(EnrolmentEntity, {
      where: { sessionId, ...(query.status ? { status: query.status } : {}), ...(after ? { seq: MoreThan(after) } : {}) },
      order: { seq: 'ASC' },
      take: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const positions = await this.seats.waitlistPositionsOf(manager, sessionId, items);
    const views = items.map((enrolment) => toEnrolmentView(enrolment, positions.get(enrolment.id) ?? null));
    return { items: views, nextCursor: rows.length > query.limit ? encodeCursor([items.at(-1)!.seq]) : null };
  }

  /** The session can take this participant: it exists for them (released, or they organise), runs, is released, admits them, has them not yet, and clashes with none of theirs. */
  private async refuseUnless(manager: EntityManager, caller: Caller, participant: ParticipantEntity, session: SessionEntity): Promise<void> {
    const existing = await manager.findOneBy(EnrolmentEntity, { sessionId: session.id, registrationId: participant.registrationId, status: Not('cancelled') });
    const viewer: ProgrammeViewer = organises(caller, session.missionId)
      ? { kind: 'organiser' }
      : { kind: 'participant', registrationId: participant.registrationId, enrolledIn: new Set(existing ? [session.id] : []) };
    // A session by invitation only that does not concern the participant does not exist for them: not even its title is told.
    // Nor does a draft, as for reading it.
    if (!isVisibleTo(session, viewer) || (!session.releasedAt && viewer.kind !== 'organiser')) throw Problem.notFound('Session', session.id);
    if (session.status !== 'active') throw Problem.conflict('session-cancelled', 'The session is cancelled', `"${session.title}" was cancelled.`);
    if (!session.releasedAt) throw Problem.conflict('session-not-released', 'The session is not released yet', `"${session.title}" is still a draft.`);
    if (!organises(caller, session.missionId) && !admits(session.audience, participant)) {
      throw Problem.forbidden(`"${session.title}" is for ${audienceWords(session.audience)} only.`);
    }
    if (existing) {
      throw Problem.conflict('already-enrolled', 'Already enrolled', `The participant is already ${existing.status} for "${session.title}".`, {
        enrolmentId: existing.id,
      });
    }
    await this.refuseConflicts(manager, session, participant.registrationId);
  }

  private async refuseConflicts(manager: EntityManager, session: SessionEntity, registrationId: string): Promise<void> {
    const venue = session.venueId ? await manager.findOneBy(VenueEntity, { id: session.venueId }) : null;
    const conflict = findConflict(
      timedSessionOf(session, venue),
      await sessionsOfParticipant(manager, session.missionId, registrationId),
      await transferTimesOf(manager, session.missionId),
    );
    if (!conflict) return;
    throw Problem.conflict(
      conflict.kind === 'overlap' ? 'schedule-conflict' : 'transfer-too-short',
      conflict.kind === 'overlap' ? 'The participant is in another session at that time' : 'Not enough time to travel between the sessions',
      describeConflict(conflict),
      {
        conflictsWith: {
          sessionId: conflict.session.sessionId,
          title: conflict.session.title,
          startsAt: conflict.session.startsAt.toISOString(),
          endsAt: conflict.session.endsAt.toISOString(),
        },
        ...(conflict.kind === 'transfer' ? { transfer: { between: [conflict.fromCity, conflict.toCity], minutes: conflict.transferMinutes } } : {}),
      },
    );
  }
}

function audienceWords(audience: SessionEntity['audience']): string {
  if (audience.kind === 'delegations') return `the delegations ${audience.delegations.join(', ')}`;
  return audience.kind === 'invitation' ? 'invited participants' : 'everyone';
}
