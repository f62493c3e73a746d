import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { CounterStatement } from './counter-statement.js';
import { MeetingEventsHandler } from './meeting-events.handler.js';
import { MouEventsHandler } from './mou-events.handler.js';
import { NotificationEventsHandler } from './notification-events.handler.js';
import { RegistrationEventsHandler } from './registration-events.handler.js';
import { SessionEventsHandler } from './session-events.handler.js';

/**
 * Feeds the counters from an event, in the statement that records it in the event log (and in the
 * transaction of the inbox), so the summary and the stream never disagree about what has happened.
 */
@Injectable()
export class CountersProjector {
  private readonly handlers: { handles(event: CloudEvent): boolean; statement(event: CloudEvent): CounterStatement | null }[];

  constructor(
    registrations: RegistrationEventsHandler,
    sessions: SessionEventsHandler,
    mous: MouEventsHandler,
    notifications: NotificationEventsHandler,
    meetings: MeetingEventsHandler,
  ) {
    this.handlers = [registrations, sessions, mous, notifications, meetings];
  }

  /** The counters' writes for `event`, for the event log to send with its insert. */
  statements(event: CloudEvent): CounterStatement[] {
    const statements: CounterStatement[] = [];
    for (const handler of this.handlers) {
      const statement = handler.handles(event) ? handler.statement(event) : null;
      if (statement) statements.push(statement);
    }
    return statements;
  }
}
