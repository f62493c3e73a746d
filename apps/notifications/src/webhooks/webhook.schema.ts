import { pageQuery } from '#common';
import { languageTag } from '#contracts';
import { z } from 'zod';

export const createEndpointSchema = z.object({
  url: z.string().max(2000).describe('Where deliveries are POSTed: https:// (http:// only where `WEBHOOKS_ALLOW_HTTP` is set), not on a private address.'),
  eventTypes: z
    .array(z.string().min(1).max(200))
    .min(1)
    .max(50)
    .describe('Event types or patterns of them: `*` stands for one word, `#` for any number (`registration.*`, `#`).'),
  description: z.string().max(500).optional(),
  contactEmail: z.email().max(320).optional().describe('Who is told by e-mail when the endpoint is disabled.'),
  language: languageTag.optional().describe('The language of that e-mail (`en` by default; the usual fallbacks apply).'),
});
export type CreateEndpoint = z.infer<typeof createEndpointSchema>;

export const rotateSecretSchema = z.object({
  overlapSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .optional()
    .describe('How long the old secret still signs deliveries beside the new one (`WEBHOOKS_SECRET_OVERLAP_MS` by default).'),
});
export type RotateSecret = z.infer<typeof rotateSecretSchema>;

export const webhookLogQuery = pageQuery;
export type WebhookLogQuery = z.infer<typeof webhookLogQuery>;
