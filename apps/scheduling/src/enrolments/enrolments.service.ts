import {
  answerOnce,
  assertOrganiserOf,
  assertOrganiserOrSelf,
  encodeCursor,
  organises,
  Problem,
  seqOfCursor,
  Transactions,
  UnitOfWork,
  type Caller,
  type IdempotencyKey,
  type Page,
} from '#common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Participant } from '../participants/participant.js';
import { confirmedOrRefused } from '../participants/participant.rules.js';
import { ParticipantsRepository } from '../participants/participants.repository.js';
import { describeConflict, findConflict, timedSessionOf } from '../programme/conflict.rules.js';
import { admits, placeOf } from '../programme/enrolment.rules.js';
import { ancestorsOf } from '../programme/nesting.rules.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import { isVisibleTo, type ProgrammeViewer } from '../programme/session-visibility.js';
import type { Session } from '../programme/session.js';
import type { EnrolmentListQuery } from './enrolment.schema.js';
import { toEnrolmentView, type EnrolmentView } from './enrolment.view.js';
import { EnrolmentsRepository } from './enrolments.repository.js';
import { SessionSeatsService } from './session-seats.service.js';

@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly seats: SessionSeatsService,
    private readonly enrolments: EnrolmentsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly programme: ProgrammeRepository,
  ) {}

  /**
   * A seat, or the end of the waitlist. The participant's row is locked first (their own enrolments
   * take turns, so two at once cannot both pass the conflict check), then the session's (its seats).
   */
  async enrol(caller: Caller, missionId: string, sessionId: string, requested: string | undefined, key?: IdempotencyKey): Promise<EnrolmentView> {
    const registrationId = requested ?? (caller.kind === 'participant' ? caller.registrationId : undefined);
    if (!registrationId) throw Problem.validation([{ field: 'registrationId', message: 'is required when an organiser enrols someone' }]);
    assertOrganiserOrSelf(caller, missionId, registrationId);

    return answerOnce(this.transactions, key, async (unit) => {
      const participant = confirmedOrRefused(await this.participants.find(unit, missionId, registrationId, { lock: true }), registrationId, 'Registration');
      // Everything that does not need the seats is checked before the session's lock, so the lock is held briefly.
      const seen = await this.programme.session(unit, missionId, sessionId);
      if (!seen) throw Problem.notFound('Session', sessionId);
      await this.refuseUnless(unit, caller, participant, seen);
      const session = (await this.seats.lock(unit, sessionId))!;
      // An organiser changed the session in between (rare): check again, under the lock this time.
      if (session.updatedAt.getTime() !== seen.updatedAt.getTime()) await this.refuseUnless(unit, caller, participant, session);

      const { confirmed } = await this.seats.counts(unit, sessionId);
      const now = new Date();
      const enrolment = await this.enrolments.insert(unit, {
        id: randomUUID(),
        sessionId,
        missionId,
        registrationId,
        status: placeOf(session.capacity, confirmed),
        enrolledBy: caller.kind === 'organiser' ? caller.subject : 'participant',
        createdAt: now,
        updatedAt: now,
      });
      const position = await this.seats.waitlistPosition(unit, enrolment);
      await this.seats.announce(unit, session, enrolment, { previousStatus: null, waitlistPosition: position });
      return toEnrolmentView(enrolment, position);
    });
  }

  async cancel(caller: Caller, missionId: string, sessionId: string, enrolmentId: string): Promise<EnrolmentView> {
    const found = await this.enrolments.find(this.transactions.outside, enrolmentId, { sessionId, missionId });
    if (!found) throw Problem.notFound('Enrolment', enrolmentId);
    assertOrganiserOrSelf(caller, missionId, found.registrationId);
    return this.transactions.run(async (unit) => {
      const session = (await this.seats.lock(unit, sessionId))!;
      const enrolment = (await this.enrolments.find(unit, enrolmentId))!;
      if (enrolment.status === 'cancelled') throw Problem.conflict('already-cancelled', 'Already cancelled', 'The enrolment was cancelled before.');
      await this.seats.cancel(unit, session, enrolment, 'withdrawn');
      return toEnrolmentView(enrolment, null);
    });
  }

  /** A session's enrolments in arrival order, for its organisers; waitlisted ones with their place in line. */
  async list(caller: Caller, missionId: string, sessionId: string, query: EnrolmentListQuery): Promise<Page<EnrolmentView>> {
    assertOrganiserOf(caller, missionId);
    const unit = this.transactions.outside;
    const session = await this.programme.session(unit, missionId, sessionId);
    if (!session) throw Problem.notFound('Session', sessionId);
    const after = seqOfCursor(query.cursor);
    const rows = await this.enrolments.page(unit, sessionId, query.status, after ?? null, query.limit + 1);
    const items = rows.slice(0, query.limit);
    const positions = await this.enrolments.waitlistPositionsOf(unit, sessionId, items);
    const views = items.map((enrolment) => toEnrolmentView(enrolment, positions.get(enrolment.id) ?? null));
    return { items: views, nextCursor: rows.length > query.limit ? encodeCursor([items.at(-1)!.seq]) : null };
  }

  /** The session can take this participant: it exists for them (released, or they organise), runs, is released, admits them, has them not yet, and clashes with none of theirs. */
  private async refuseUnless(unit: UnitOfWork, caller: Caller, participant: Participant, session: Session): Promise<void> {
    const existing = await this.enrolments.open(unit, session.id, participant.registrationId);
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
    await this.refuseConflicts(unit, session, participant.registrationId);
  }

  private async refuseConflicts(unit: UnitOfWork, session: Session, registrationId: string): Promise<void> {
    const venue = await this.programme.venue(unit, session.venueId);
    const parents = await this.programme.parentsOf(unit, session.missionId);
    const conflict = findConflict(
      timedSessionOf(session, venue, ancestorsOf(session.parentSessionId, parents)),
      await this.programme.sessionsOfParticipant(unit, session.missionId, registrationId),
      await this.programme.transferTimes(unit, session.missionId),
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

function audienceWords(audience: Session['audience']): string {
  if (audience.kind === 'delegations') return `the delegations ${audience.delegations.join(', ')}`;
  return audience.kind === 'invitation' ? 'invited participants' : 'everyone';
}
