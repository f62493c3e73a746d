import { instant, uuid } from '#contracts';
import { z } from 'zod';

/** How a B2B meeting block is cut into slots, as the API answers it; the schema also documents the responses. */
export const meetingBlockView = z.object({
  sessionId: uuid,
  slotMinutes: z.number().int().positive().describe('The length of a meeting slot.'),
  tables: z.number().int().positive().describe('Meetings at once in a slot.'),
  breaks: z.array(z.object({ startsAt: instant, endsAt: instant })).describe('Times within the block without meetings.'),
});

export type MeetingBlockView = z.infer<typeof meetingBlockView>;

/** A time a participant cannot meet, as the API answers it. */
export const unavailabilityView = z.object({
  id: uuid,
  registrationId: uuid,
  startsAt: instant,
  endsAt: instant,
  note: z.string().nullable(),
});

export type UnavailabilityView = z.infer<typeof unavailabilityView>;

/** Every time the participant declared, earliest first (not paged). */
export const unavailabilityList = z.object({ items: z.array(unavailabilityView) });
