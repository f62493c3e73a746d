import type { UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import { MissionsRepository } from '../missions/missions.repository.js';
import { ParticipantsRepository } from '../participants/participants.repository.js';
import { promotions } from '../programme/enrolment.rules.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import type { Session } from '../programme/session.js';
import type { Enrolment } from './enrolment.js';
import { enrolledSession, enrolmentPayload, type CancelReason, type EnrolledSession, type EnrolmentChange } from './enrolment.events.js';
import { EnrolmentsRepository } from './enrolments.repository.js';

/**
 * The seats of one session. Whoever gives or frees a seat first locks the session's row, so the
 * count read after the lock is exact; docs/DESIGN.md, "Inside scheduling", gives the lock order.
 */
@Injectable()
export class SessionSeatsService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly enrolments: EnrolmentsRepository,
    private readonly programme: ProgrammeRepository,
    private readonly missions: MissionsRepository,
    private readonly participants: ParticipantsRepository,
  ) {}

  lock(unit: UnitOfWork, sessionId: string): Promise<Session | null> {
    return this.programme.lockSession(unit, sessionId);
  }

  async counts(unit: UnitOfWork, sessionId: string): Promise<{ confirmed: number; waitlisted: number }> {
    return (await this.enrolments.countsOf(unit, [sessionId])).get(sessionId)!;
  }

  /** 1 for the next in line; null unless waitlisted. */
  async waitlistPosition(unit: UnitOfWork, enrolment: Enrolment): Promise<number | null> {
    return (await this.enrolments.waitlistPositionsOf(unit, enrolment.sessionId, [enrolment])).get(enrolment.id) ?? null;
  }

  /**
   * `enrolment.<status>` of `enrolment`, with its session as it stands (the participant is told where they
   * are enrolled) and where the enrolment stood before (a confirmation of a waitlisted one is a promotion).
   */
  async announce(unit: UnitOfWork, session: Session, enrolment: Enrolment, change: EnrolmentChange, cause?: CloudEvent): Promise<CloudEvent> {
    return this.publish(unit, await this.sessionOfEvents(unit, session), enrolment, change, cause);
  }

  private publish(unit: UnitOfWork, session: EnrolledSession, enrolment: Enrolment, change: EnrolmentChange, cause?: CloudEvent) {
    return this.outbox.add(unit, `enrolment.${enrolment.status}` as const, enrolmentPayload(session, enrolment, change), {
      subject: enrolment.id,
      missionId: enrolment.missionId,
      time: enrolment.updatedAt,
      ...(cause ? { causedBy: cause } : {}),
    });
  }

  private async sessionOfEvents(unit: UnitOfWork, session: Session): Promise<EnrolledSession> {
    const venue = await this.programme.venue(unit, session.venueId);
    return enrolledSession(session, venue, await this.missions.get(unit, session.missionId));
  }

  /** Cancels an enrolment under its session's lock (held by the caller); a freed seat goes to the waitlist. */
  async cancel(unit: UnitOfWork, session: Session, enrolment: Enrolment, reason: CancelReason, cause?: CloudEvent): Promise<CloudEvent> {
    const previous = enrolment.status as 'confirmed' | 'waitlisted';
    const updatedAt = new Date();
    await this.enrolments.cancel(unit, enrolment.id, updatedAt);
    Object.assign(enrolment, { status: 'cancelled', updatedAt });
    const cancelled = await this.announce(unit, session, enrolment, { previousStatus: previous, reason }, cause);
    if (previous === 'confirmed') await this.fillFromWaitlist(unit, session, cancelled);
    return cancelled;
  }

  /** The participant leaves every session they are in: their row first, then the sessions in id order, the order enrolment takes them in. */
  async leaveAll(unit: UnitOfWork, registrationId: string, cause: CloudEvent): Promise<void> {
    await this.participants.lock(unit, registrationId);
    const enrolments = await this.enrolments.openOfParticipant(unit, registrationId);
    for (const enrolment of enrolments) {
      const session = (await this.lock(unit, enrolment.sessionId))!;
      // Under the session's lock, the enrolment as it is now: a concurrent cancel may have been first.
      const current = await this.enrolments.find(unit, enrolment.id);
      if (current && current.status !== 'cancelled') await this.cancel(unit, session, current, 'participant-left', cause);
    }
  }

  /** Gives the session's free seats to its waitlist, first come first served, as `enrolment.confirmed` each. */
  async fillFromWaitlist(unit: UnitOfWork, session: Session, cause?: CloudEvent): Promise<Enrolment[]> {
    if (session.status !== 'active') return [];
    const { confirmed, waitlisted } = await this.counts(unit, session.id);
    const seats = promotions(session.capacity, confirmed, waitlisted);
    if (seats === 0) return [];
    const next = await this.enrolments.nextWaitlisted(unit, session.id, seats);
    const updatedAt = new Date();
    const about = await this.sessionOfEvents(unit, session);
    for (const enrolment of next) {
      await this.enrolments.confirm(unit, enrolment.id, updatedAt);
      Object.assign(enrolment, { status: 'confirmed', waitlistOrder: null, updatedAt });
      await this.publish(unit, about, enrolment, { previousStatus: 'waitlisted' }, cause);
    }
    return next;
  }
}
