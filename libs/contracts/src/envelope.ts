import { z } from 'zod';

/** CloudEvents 1.0 structured-mode envelope, with mission-hub's extension attributes. */
export const cloudEventEnvelope = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  source: z.string().min(1).startsWith('/mission-hub/'),
  type: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().min(1),
  datacontenttype: z.literal('application/json'),
  dataversion: z.string().regex(/^\d+$/),
  missionid: z.uuid().optional(),
  correlationid: z.uuid(),
  causationid: z.uuid().optional(),
  // The CloudEvents distributed-tracing extension: the W3C trace context the event was recorded in. Not checked
  // beyond its size: a malformed one starts a new trace, it never costs the event (`contextOf` in libs/common).
  traceparent: z.string().max(128).describe('W3C traceparent of the span the event was recorded in (CloudEvents distributed tracing)').optional(),
  tracestate: z.string().max(512).describe('W3C tracestate that goes with traceparent').optional(),
  data: z.record(z.string(), z.unknown()),
});

export type CloudEventEnvelope = z.infer<typeof cloudEventEnvelope>;

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';
