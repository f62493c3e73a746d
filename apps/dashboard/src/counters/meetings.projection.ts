import type { CloudEvent, MeetingStatus } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { Statement } from '#common';
import { CountersRepository } from './counters.repository.js';

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
export class MeetingsProjection {
  constructor(private readonly repository: CountersRepository) {}

  handles(event: CloudEvent): boolean {
    return meetingTypes.has(event.type);
  }

  statement(event: CloudEvent): Statement {
    const { data, type } = event as MeetingEvent;
    // A run that leaves an accepted meeting without a place cancels the place, not the meeting.
    const status: MeetingStatus = type === 'meeting.cancelled' && data.reason === 'not-scheduled' ? 'accepted' : statusAfter[type];
    return this.repository.keepMeeting({
      meetingId: data.meetingId,
      missionId: data.missionId,
      status,
      scheduled: type === 'meeting.scheduled',
      outcome: data.outcome ?? null,
      asOf: event.time,
    });
  }
}
