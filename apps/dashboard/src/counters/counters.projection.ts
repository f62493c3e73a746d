import type { Statement } from '#common';
import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import { DelegationsProjection } from './delegations.projection.js';
import { MeetingsProjection } from './meetings.projection.js';
import { MousProjection } from './mous.projection.js';
import { NotificationsProjection } from './notifications.projection.js';
import { RegistrationsProjection } from './registrations.projection.js';
import { SessionsProjection } from './sessions.projection.js';

/**
 * Feeds the counters from an event, in the transaction that records it in the event log (and the
 * inbox's), so the summary and the stream never disagree about what has happened.
 */
@Injectable()
export class CountersProjection {
  private readonly projections: { handles(event: CloudEvent): boolean; statement(event: CloudEvent): Statement | null }[];

  constructor(
    registrations: RegistrationsProjection,
    sessions: SessionsProjection,
    mous: MousProjection,
    notifications: NotificationsProjection,
    meetings: MeetingsProjection,
    delegations: DelegationsProjection,
  ) {
    this.projections = [registrations, sessions, mous, notifications, meetings, delegations];
  }

  /** The counters' write for `event` (each type feeds one family), for the event log to send with its row. */
  statement(event: CloudEvent): Statement | null {
    const projection = this.projections.find((candidate) => candidate.handles(event));
    return projection ? projection.statement(event) : null;
  }
}
