import { pageQuery } from '#common';
import { meetingStatuses, uuid } from '#contracts';
import { z } from 'zod';

export const meetingRequestSchema = z
  .object({
    inviteeId: uuid,
    /** An organiser proposing a meeting names both; a participant asks for themselves and may leave it out. */
    requesterId: uuid.optional(),
    message: z.string().trim().max(1000).optional(),
    /** 1 (lowest) … 5 (highest); 3 by default. */
    priority: z.number().int().min(1).max(5).default(3),
  })
  .strict()
  .refine((input) => input.requesterId !== input.inviteeId, { path: ['inviteeId'], message: 'must differ from requesterId' });
export type MeetingRequestInput = z.infer<typeof meetingRequestSchema>;

export const meetingOutcomeSchema = z.object({ outcome: z.enum(['held', 'no_show']) }).strict();
export type MeetingOutcomeInput = z.infer<typeof meetingOutcomeSchema>;

export const meetingListQuery = pageQuery
  .extend({
    /** Organisers: one participant's meetings (asked or invited); a participant always sees only their own. */
    registrationId: uuid.optional(),
    status: z.enum(meetingStatuses).optional(),
  })
  .strict();
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
