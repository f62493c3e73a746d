import type { Statement } from '#common';
import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import { CountersRepository } from './counters.repository.js';

type SessionEvent = CloudEvent<'session.scheduled' | 'session.rescheduled' | 'session.cancelled'>;
type EnrolmentEvent = CloudEvent<'enrolment.confirmed' | 'enrolment.waitlisted' | 'enrolment.cancelled'>;

const sessionTypes = new Set(['session.scheduled', 'session.rescheduled', 'session.cancelled']);
const enrolmentStatus: Record<string, string> = {
  'enrolment.confirmed': 'confirmed',
  'enrolment.waitlisted': 'waitlisted',
  'enrolment.cancelled': 'cancelled',
};

/** session.* and enrolment.* → each session and each enrolment's current status, for the sessions' fill. */
@Injectable()
export class SessionsProjection {
  constructor(private readonly repository: CountersRepository) {}

  handles(event: CloudEvent): boolean {
    return sessionTypes.has(event.type) || event.type in enrolmentStatus;
  }

  statement(event: CloudEvent): Statement {
    if (sessionTypes.has(event.type)) {
      const { data } = event as SessionEvent;
      return this.repository.keepSession({
        sessionId: data.sessionId,
        missionId: data.missionId,
        kind: data.kind,
        title: data.title,
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        capacity: data.capacity,
        cancelled: event.type === 'session.cancelled',
        asOf: event.time,
      });
    }
    const { data } = event as EnrolmentEvent;
    return this.repository.keepEnrolment({
      enrolmentId: data.enrolmentId,
      sessionId: data.sessionId,
      missionId: data.missionId,
      status: enrolmentStatus[event.type]!,
      asOf: event.time,
    });
  }
}
