import type { CloudEvent, MeetingStatus } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { CounterStatement } from './counter-statement.js';

/** The status each event leaves a meeting in: a placed meeting is still an accepted one. */
const statusAfter = {
  'meeting.requested': 'requested',
  'meeting.accepted': 'accepted',
  'meeting.declined': 'declined',
  'meeting.scheduled': 'accepted',
  'meeting.cancelled': 'cancelled',
} as const satisfies Record<string, MeetingStatus>;

type MeetingEvent = CloudEvent<keyof typeof statusAfter>;

const meetingTypes = new Set(Object.keys(statusAfter));

/**
 * meeting.* → each meeting's current state: its status, whether it has a place, and how it went.
 * Every event carries the whole state, so the latest one (by time) wins and late ones change nothing.
 */
@Injectable()
export class MeetingEventsHandler {
  handles(event: CloudEvent): boolean {
    return meetingTypes.has(event.type);
  }

  statement(event: CloudEvent): CounterStatement {
    const { data, type } = event as MeetingEvent;
    // A run that leaves an accepted meeting without a place cancels the place, not the meeting.
    const status: MeetingStatus = type === 'meeting.cancelled' && data.reason === 'not-scheduled' ? 'accepted' : statusAfter[type];
    return {
      sql: `INSERT INTO meetings (meeting_id, mission_id, status, scheduled, outcome, as_of) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (meeting_id) DO UPDATE
          SET status = excluded.status, scheduled = excluded.scheduled, outcome = excluded.outcome, as_of = excluded.as_of
        WHERE meetings.as_of <= excluded.as_of`,
      parameters: [data.meetingId, data.missionId, status, type === 'meeting.scheduled', data.outcome ?? null, event.time],
    };
  }
}
