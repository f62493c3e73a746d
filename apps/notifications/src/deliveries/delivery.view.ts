import { pageOf } from '#common';
import { instant, languageTag, uuid } from '#contracts';
import { z } from 'zod';
import { deliveryStatuses } from './delivery.schema.js';

/** An entry of the delivery log as the API answers it; the schema also documents the responses. */
export const deliveryView = z.object({
  id: uuid,
  causeEventId: uuid.describe('The CloudEvent that called for the e-mail.'),
  causeEventType: z.string(),
  channel: z.literal('email'),
  recipient: z.string().describe("The address, lower-cased; `erased:<id>` once the participant's personal data is erased."),
  recipientRegistrationId: uuid
    .nullable()
    .describe("The participant the e-mail went to; null for someone who is not one (a milestone's owner from outside the mission, say)."),
  template: z.string().describe('Such as `registration.confirmed`.'),
  language: languageTag.describe("The template's language."),
  messageId: z.string().describe('The `Message-ID` of the e-mail, the same on every attempt.'),
  status: z
    .enum(deliveryStatuses)
    .describe('`pending` until it is sent or has failed (a server refused it, every attempt failed, or the participant was erased first).'),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable().describe('Why the last attempt failed (or `participant erased before delivery`); null once sent, and before any attempt.'),
  createdAt: instant,
  updatedAt: instant,
  sentAt: instant.nullable(),
});

export type DeliveryView = z.infer<typeof deliveryView>;

export const deliveryPage = pageOf(deliveryView);
