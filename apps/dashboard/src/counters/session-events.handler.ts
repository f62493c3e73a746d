import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { CounterStatement } from './counter-statement.js';

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
export class SessionEventsHandler {
  handles(event: CloudEvent): boolean {
    return sessionTypes.has(event.type) || event.type in enrolmentStatus;
  }

  statement(event: CloudEvent): CounterStatement {
    if (sessionTypes.has(event.type)) {
      const { data } = event as SessionEvent;
      return {
        sql: `INSERT INTO sessions (session_id, mission_id, kind, title, starts_at, ends_at, capacity, cancelled, as_of) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (session_id) DO UPDATE
            SET kind = excluded.kind, title = excluded.title, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                capacity = excluded.capacity, cancelled = excluded.cancelled, as_of = excluded.as_of
          WHERE sessions.as_of <= excluded.as_of`,
        parameters: [
          data.sessionId,
          data.missionId,
          data.kind,
          data.title,
          data.startsAt,
          data.endsAt,
          data.capacity,
          event.type === 'session.cancelled',
          event.time,
        ],
      };
    }
    const { data } = event as EnrolmentEvent;
    return {
      sql: `INSERT INTO enrolments (enrolment_id, session_id, mission_id, status, as_of) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enrolment_id) DO UPDATE SET status = excluded.status, as_of = excluded.as_of WHERE enrolments.as_of <= excluded.as_of`,
      parameters: [data.enrolmentId, data.sessionId, data.missionId, enrolmentStatus[event.type], event.time],
    };
  }
}
