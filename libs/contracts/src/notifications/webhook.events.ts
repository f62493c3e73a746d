import { z } from 'zod';
import { instant, uuid } from '../shared.js';

export const webhookEvents = {
  /**
   * Notifications stopped sending to a webhook endpoint: it answered 410 Gone, or every attempt has
   * failed for `WEBHOOKS_DISABLE_AFTER_MS`. Its pending deliveries are failed; an organiser enables it again.
   */
  'webhook.endpoint_disabled': z.object({
    endpointId: uuid,
    missionId: uuid,
    url: z.string(),
    reason: z.enum(['gone', 'failing']),
    detail: z.string(),
    /** Where the endpoint's organiser asked to be told (an e-mail goes there), or null. */
    contactEmail: z.string().nullable(),
    /** When the failures began (`failing`); null for `gone` after a success. */
    failingSince: instant.nullable(),
    /** The language the endpoint's organiser chose for what they are told (a tag; the mail falls back as every mail does). */
    language: z.string().nullable(),
    disabledAt: instant,
  }),
} as const;
