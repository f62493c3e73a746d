import { z } from 'zod';
import { instant, uuid } from '../shared.js';

const notification = z.object({
  notificationId: uuid,
  missionId: uuid.nullable(),
  channel: z.enum(['email']),
  template: z.string(),
  language: z.string(),
  /** The event that caused the notification (for a broadcast: the broadcast's id). */
  causeEventId: uuid,
  causeEventType: z.string(),
  recipientRegistrationId: uuid.nullable(),
  at: instant,
  /** Added later: the broadcast this mail is one of (its delivery figures are counted by it); absent for a mail an event caused. */
  broadcastId: uuid.optional(),
});

export const notificationEvents = {
  'notification.sent': notification,
  'notification.failed': notification.extend({
    error: z.string(),
    attempts: z.number().int().positive(),
    /** Added later: true when the SMTP server refused the mail for good (a 5xx reply): a bounce, not a failure to reach it. */
    bounced: z.boolean().optional(),
  }),
  /**
   * A broadcast's audience was resolved when it went (at its `sendAt`): `queued` e-mails, one per
   * recipient, each in the language counted in `languages`. Its figures follow as `notification.sent`/`.failed` with its `broadcastId`.
   */
  'broadcast.released': z.object({
    broadcastId: uuid,
    missionId: uuid,
    subject: z.string(),
    queued: z.number().int().min(0),
    languages: z.record(z.string(), z.number().int().min(0)),
    releasedAt: instant,
  }),
} as const;
