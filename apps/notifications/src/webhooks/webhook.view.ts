import { pageOf } from '#common';
import { instant, uuid } from '#contracts';
import { z } from 'zod';
import type { AttemptRow, DeliveryRow, EndpointRow } from './webhooks.repository.js';

/** A webhook endpoint as the API answers it: never its secret, but once, when it is made or rotated. */
export const endpointView = z.object({
  id: uuid,
  missionId: uuid,
  url: z.string(),
  description: z.string().nullable(),
  contactEmail: z.string().nullable(),
  language: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(['enabled', 'disabled']),
  disabledReason: z.string().nullable(),
  disabledAt: instant.nullable(),
  failingSince: instant.nullable().describe('When the first of the failed attempts since the last success was made; null when the last one succeeded.'),
  previousSecretValidUntil: instant
    .nullable()
    .describe('Until when deliveries are signed with the secret before the last rotation too (both signatures in `webhook-signature`).'),
  createdAt: instant,
  updatedAt: instant,
});
export type EndpointView = z.infer<typeof endpointView>;

export const endpointWithSecretView = endpointView.extend({
  secret: z.string().describe('`whsec_` and the base64 of the key (Standard Webhooks): shown this once only.'),
});

export const endpointListView = z.object({ items: z.array(endpointView) });

export const webhookDeliveryView = z.object({
  id: uuid.describe('Also the `webhook-id` of every attempt at it.'),
  eventId: uuid,
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'dropped']).describe('`dropped`: a participant the event names was erased before it went.'),
  attempts: z.number().int().nonnegative(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: instant.nullable(),
  payloadErased: z.boolean(),
  createdAt: instant,
  deliveredAt: instant.nullable(),
});

export const webhookAttemptView = z.object({
  deliveryId: uuid,
  eventId: uuid,
  eventType: z.string(),
  attempt: z.number().int().positive(),
  manual: z.boolean().describe('A redelivery an organiser asked for.'),
  statusCode: z.number().int().nullable().describe('Null when no answer came (a timeout, a refused address, a connection error).'),
  durationMs: z.number().int().nonnegative(),
  error: z.string().nullable(),
  at: instant,
});

export const webhookDeliveryPage = pageOf(webhookDeliveryView);
export const webhookAttemptPage = pageOf(webhookAttemptView);

export function toEndpointView(row: EndpointRow): EndpointView {
  const overlap = row.previous_secret_expires_at && row.previous_secret_expires_at > new Date() ? row.previous_secret_expires_at.toISOString() : null;
  return {
    id: row.id,
    missionId: row.mission_id,
    url: row.url,
    description: row.description,
    contactEmail: row.contact_email,
    language: row.language,
    eventTypes: row.event_types,
    status: row.status,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    failingSince: row.failing_since?.toISOString() ?? null,
    previousSecretValidUntil: overlap,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toDeliveryView(row: DeliveryRow): z.infer<typeof webhookDeliveryView> {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    payloadErased: row.payload_erased,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}

export function toAttemptView(row: AttemptRow): z.infer<typeof webhookAttemptView> {
  return {
    deliveryId: row.delivery_id,
    eventId: row.event_id,
    eventType: row.event_type,
    attempt: row.attempt,
    manual: row.manual,
    statusCode: row.status_code,
    durationMs: row.duration_ms,
    error: row.error,
    at: row.at.toISOString(),
  };
}
