import { activeTraceCarrier } from '#common';
import type { CloudEvent } from '#contracts';

/**
 * The event with the trace context it is recorded in (the request's span, or the span of the
 * handler whose work records it), as the CloudEvents distributed-tracing extension carries it:
 * consumers continue that trace. Unchanged with tracing off.
 */
export function withTraceContext<E extends CloudEvent>(event: E): E {
  const carrier = activeTraceCarrier();
  return carrier ? { ...event, ...carrier } : event;
}
