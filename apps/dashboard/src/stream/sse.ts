import type { LoggedEvent } from '../event-log/event-log.repository.js';

/** A comment line: ignored by EventSource, but traffic that keeps proxies from closing an idle stream. */
export const SSE_HEARTBEAT = ': heartbeat\n\n';

/** Sent first: how long a disconnected EventSource waits before it reconnects (with Last-Event-ID). */
export const SSE_PREAMBLE = 'retry: 2000\n: connected\n\n';

/** One SSE message: `id` is the event's position in the mission's log, `event` its type, `data` the CloudEvent. */
export function sseMessage(event: LoggedEvent): string {
  // JSON has no raw line breaks, but a data line must never contain one, whatever the payload.
  const data = event.json.split(/\r\n|\r|\n/).join('\ndata: ');
  return `id: ${event.position}\nevent: ${event.type}\ndata: ${data}\n\n`;
}

/**
 * The position a client resumes after: the `Last-Event-ID` header an EventSource sends when it
 * reconnects (or `?lastEventId=` for clients that cannot set headers); 0, the start of the log,
 * when there is none. Undefined when the value is not a position this stream gave out.
 */
export function resumePosition(lastEventId: unknown): number | undefined {
  if (lastEventId === undefined || lastEventId === null || lastEventId === '') return 0;
  if (typeof lastEventId !== 'string' || !/^\d{1,15}$/.test(lastEventId.trim())) return undefined;
  return Number(lastEventId.trim());
}
