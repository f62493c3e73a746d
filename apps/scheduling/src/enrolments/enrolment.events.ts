import type { EventData } from '#contracts';
import type { Mission } from '../missions/mission.js';
import { toSessionSnapshot } from '../programme/session.events.js';
import type { Session } from '../programme/session.js';
import type { Venue } from '../programme/venue.js';
import type { Enrolment } from './enrolment.js';

export type EnrolledSession = NonNullable<EventData<'enrolment.confirmed'>['session']>;
export type CancelReason = NonNullable<EventData<'enrolment.cancelled'>['reason']>;

/** What an enrolment event says beside the enrolment's new status. */
export interface EnrolmentChange {
  /** Null for a new enrolment. */
  previousStatus: 'confirmed' | 'waitlisted' | null;
  /** Of a waitlisted one: 1 for the next in line. */
  waitlistPosition?: number | null;
  reason?: CancelReason;
}

/** What an enrolment event tells of its session: what `session.*` events carry, less what the participant need not be told again. */
export function enrolledSession(session: Session, venue: Venue | null, mission: Pick<Mission, 'timezone'>): EnrolledSession {
  const { kind, title, startsAt, endsAt, timezone, venue: place, sequence } = toSessionSnapshot(session, venue, mission);
  return { kind, title, startsAt, endsAt, timezone, venue: place, sequence };
}

/** The payload of `enrolment.<status>`: the enrolment, its session as it stands, and where it stood before. */
export function enrolmentPayload(session: EnrolledSession, enrolment: Enrolment, change: EnrolmentChange): EventData<'enrolment.cancelled'> {
  return {
    enrolmentId: enrolment.id,
    sessionId: enrolment.sessionId,
    missionId: enrolment.missionId,
    registrationId: enrolment.registrationId,
    waitlistPosition: enrolment.status === 'waitlisted' ? (change.waitlistPosition ?? null) : null,
    session,
    previousStatus: change.previousStatus,
    ...(enrolment.status === 'cancelled' && change.reason ? { reason: change.reason } : {}),
  };
}
