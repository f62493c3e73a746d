import { AsyncLocalStorage } from 'node:async_hooks';

/** The event being handled, so that every log line written while handling it names it. */
export interface EventLogContext {
  eventId: string;
  eventType: string;
  correlationId: string;
}

export const eventLogContext = new AsyncLocalStorage<EventLogContext>();
