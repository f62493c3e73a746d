import { z } from 'zod';
import { instant, uuid } from '../shared.js';

export const closingReminderEvents = {
  /**
   * The mission's registration closes at `closesAt` (`offset` from now, an ISO 8601 duration) and this
   * registration is still waiting: for an organiser's approval (`pending_approval`) or a seat
   * (`waitlisted`). Announced once per registration and closing time.
   */
  'registration.closing_reminder_due': z.object({
    missionId: uuid,
    registrationId: uuid,
    status: z.enum(['pending_approval', 'waitlisted']),
    closesAt: instant,
    offset: z.string().min(2),
  }),
} as const;
