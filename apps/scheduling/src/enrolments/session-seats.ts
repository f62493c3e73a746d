import { UnitOfWork } from '#common';
import type { CloudEvent, EventData } from '#contracts';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SessionEntity } from '../sessions/session.entity.js';
import { toSessionSnapshot } from '../sessions/session.view.js';
import { VenueEntity } from '../venues/venue.entity.js';
import { missionOf } from '../venues/venues.service.js';
import { EnrolmentEntity } from './enrolment.entity.js';
import { promotions } from './enrolment.rules.js';

type EnrolledSession = NonNullable<EventData<'enrolment.confirmed'>['session']>;
type CancelReason = NonNullable<EventData<'enrolment.cancelled'>['reason']>;

/** What an enrolment event says beside the enrolment's new status. */
interface EnrolmentChange {
  /** Null for a new enrolment. */
  previousStatus: 'confirmed' | 'waitlisted' | null;
  /** Of a waitlisted one: 1 for the next in line. */
  waitlistPosition?: number | null;
  reason?: CancelReason;
}

/**
 * The seats of one session. Every transaction that gives or frees a seat first locks the session's
 * row (`lock`), so concurrent enrolments take turns and the count read after the lock is exact.
 * Locks are taken participant first, then sessions in id order, so two transactions never wait on each other.
 */
@Injectable()
export class SessionSeats {
  constructor(private readonly outbox: OutboxService) {}

  lock(manager: EntityManager, sessionId: string): Promise<SessionEntity | null> {
    return manager.findOne(SessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
  }

  async counts(manager: EntityManager, sessionId: string): Promise<{ confirmed: number; waitlisted: number }> {
    return (await this.countsOf(manager, [sessionId])).get(sessionId)!;
  }

  /** `counts` of many sessions in one statement (a page of the programme), by session id. */
  async countsOf(manager: EntityManager, sessionIds: readonly string[]): Promise<Map<string, { confirmed: number; waitlisted: number }>> {
    const counts = new Map(sessionIds.map((id) => [id, { confirmed: 0, waitlisted: 0 }]));
    if (sessionIds.length === 0) return counts;
    const rows: { session_id: string; confirmed: number; waitlisted: number }[] = await manager.query(
      `SELECT session_id, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM enrolments WHERE session_id = ANY($1::uuid[]) AND status <> 'cancelled' GROUP BY session_id`,
      [sessionIds],
    );
    for (const row of rows) counts.set(row.session_id, { confirmed: row.confirmed, waitlisted: row.waitlisted });
    return counts;
  }

  /** 1 for the next in line; null unless waitlisted. */
  async waitlistPosition(manager: EntityManager, enrolment: EnrolmentEntity): Promise<number | null> {
    return (await this.waitlistPositionsOf(manager, enrolment.sessionId, [enrolment])).get(enrolment.id) ?? null;
  }

  /** `waitlistPosition` of a page of one session's enrolments in one statement, by enrolment id (the waitlisted ones). */
  async waitlistPositionsOf(manager: EntityManager, sessionId: string, enrolments: readonly EnrolmentEntity[]): Promise<Map<string, number>> {
    const waiting = enrolments.filter((enrolment) => enrolment.status === 'waitlisted');
    if (waiting.length === 0) return new Map();
    const rows: { id: string; position: number }[] = await manager.query(
      `SELECT o.id, (SELECT count(*)::int FROM enrolments w WHERE w.session_id = $1 AND w.status = 'waitlisted' AND w.waitlist_order <= o.waitlist_order) AS position
         FROM unnest($2::uuid[], $3::bigint[]) AS o (id, waitlist_order)`,
      [sessionId, waiting.map((enrolment) => enrolment.id), waiting.map((enrolment) => enrolment.waitlistOrder)],
    );
    return new Map(rows.map((row) => [row.id, row.position]));
  }

  /**
   * `enrolment.<status>` of `enrolment`, with its session as it stands (the participant is told where they
   * are enrolled) and where the enrolment stood before (a confirmation of a waitlisted one is a promotion).
   */
  async announce(manager: EntityManager, session: SessionEntity, enrolment: EnrolmentEntity, change: EnrolmentChange, cause?: CloudEvent): Promise<CloudEvent> {
    return this.publish(manager, await this.sessionOfEvents(manager, session), enrolment, change, cause);
  }

  private publish(manager: EntityManager, session: EnrolledSession, enrolment: EnrolmentEntity, change: EnrolmentChange, cause?: CloudEvent) {
    return this.outbox.add(
      UnitOfWork.of(manager),
      `enrolment.${enrolment.status}` as const,
      {
        enrolmentId: enrolment.id,
        sessionId: enrolment.sessionId,
        missionId: enrolment.missionId,
        registrationId: enrolment.registrationId,
        waitlistPosition: enrolment.status === 'waitlisted' ? (change.waitlistPosition ?? null) : null,
        session,
        previousStatus: change.previousStatus,
        ...(enrolment.status === 'cancelled' && change.reason ? { reason: change.reason } : {}),
      },
      { subject: enrolment.id, missionId: enrolment.missionId, time: enrolment.updatedAt, ...(cause ? { causedBy: cause } : {}) },
    );
  }

  /** What an enrolment event tells of its session: what `session.*` events carry, less what the participant need not be told again. */
  private async sessionOfEvents(manager: EntityManager, session: SessionEntity): Promise<EnrolledSession> {
    const venue = session.venueId ? await manager.findOneBy(VenueEntity, { id: session.venueId }) : null;
    const { kind, title, startsAt, endsAt, timezone, venue: place } = toSessionSnapshot(session, venue, await missionOf(manager, session.missionId));
    return { kind, title, startsAt, endsAt, timezone, venue: place };
  }

  /** Cancels an enrolment under its session's lock (held by the caller); a freed seat goes to the waitlist. */
  async cancel(manager: EntityManager, session: SessionEntity, enrolment: EnrolmentEntity, reason: CancelReason, cause?: CloudEvent): Promise<CloudEvent> {
    const previous = enrolment.status as 'confirmed' | 'waitlisted';
    const updatedAt = new Date();
    await manager.update(EnrolmentEntity, { id: enrolment.id }, { status: 'cancelled', updatedAt });
    Object.assign(enrolment, { status: 'cancelled', updatedAt });
    const cancelled = await this.announce(manager, session, enrolment, { previousStatus: previous, reason }, cause);
    if (previous === 'confirmed') await this.fillFromWaitlist(manager, session, cancelled);
    return cancelled;
  }

  /** Gives the session's free seats to its waitlist, first come first served, as `enrolment.confirmed` each. */
  async fillFromWaitlist(manager: EntityManager, session: SessionEntity, cause?: CloudEvent): Promise<EnrolmentEntity[]> {
    if (session.status !== 'active') return [];
    const { confirmed, waitlisted } = await this.counts(manager, session.id);
    const seats = promotions(session.capacity, confirmed, waitlisted);
    if (seats === 0) return [];
    const next = await manager.find(EnrolmentEntity, {
      where: { sessionId: session.id, status: 'waitlisted' },
      order: { waitlistOrder: 'ASC' },
      take: seats,
    });
    const updatedAt = new Date();
    const about = await this.sessionOfEvents(manager, session);
    for (const enrolment of next) {
      await manager.update(EnrolmentEntity, { id: enrolment.id }, { status: 'confirmed', waitlistOrder: null, updatedAt });
      Object.assign(enrolment, { status: 'confirmed', waitlistOrder: null, updatedAt });
      await this.publish(manager, about, enrolment, { previousStatus: 'waitlisted' }, cause);
    }
    return next;
  }
}
