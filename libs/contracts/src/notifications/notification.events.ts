import { z } from 'zod';
import { instant, uuid } from '../shared.js';

const notification = z.object({
  notificationId: uuid,
  missionId: uuid.nullable(),
  channel: z.enum(['email']),
  template: z.string(),
  language: z.string(),
  /** The event that caused the notification. */
  causeEventId: uuid,
  causeEventType: z.string(),
  recipientRegistrationId: uuid.nullable(),
  at: instant,
});

export const notificationEvents = {
  'notification.sent': notification,
  'notification.failed': notification.extend({ error: z.string(), attempts: z.number().int().positive() }),
} as const;
