import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MouEventsHandler } from './mou-events.handler.js';
import { NotificationEventsHandler } from './notification-events.handler.js';
import { RegistrationEventsHandler } from './registration-events.handler.js';
import { SessionEventsHandler } from './session-events.handler.js';

/**
 * Feeds the counters from an event, in the transaction that records it in the event log (and in
 * the inbox), so the summary and the stream never disagree about what has happened.
 */
@Injectable()
export class CountersProjector {
  private readonly handlers: { handles(event: CloudEvent): boolean; apply(manager: EntityManager, event: CloudEvent): Promise<void> }[];

  constructor(registrations: RegistrationEventsHandler, sessions: SessionEventsHandler, mous: MouEventsHandler, notifications: NotificationEventsHandler) {
    this.handlers = [registrations, sessions, mous, notifications];
  }

  async apply(manager: EntityManager, event: CloudEvent): Promise<void> {
    for (const handler of this.handlers) if (handler.handles(event)) await handler.apply(manager, event);
  }
}
