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
    /**
     * A group meeting (a delegation with a company's team): who else attends, on which side. The
     * requester and invitee lead their sides and need not be named; every attendee must be free
     * for a run to place the meeting.
     */
    attendees: z
      .array(z.object({ registrationId: uuid, side: z.enum(['requester', 'invitee']) }).strict())
      .max(20)
      .optional(),
  })
  .strict()
  .refine((input) => input.requesterId !== input.inviteeId, { path: ['inviteeId'], message: 'must differ from requesterId' });
export type MeetingRequestInput = z.infer<typeof meetingRequestSchema>;

export const meetingOutcomeSchema = z
  .object({
    outcome: z.enum(['held', 'no_show']),
    /** The organiser's notes on how it went; left out keeps those recorded before, null clears them. */
    notes: z.string().trim().max(4000).nullable().optional(),
    /** The MoU the meeting led to (the MoU registry's id); left out keeps the one recorded before, null unlinks it. */
    mouId: uuid.nullable().optional(),
  })
  .strict();
export type MeetingOutcomeInput = z.infer<typeof meetingOutcomeSchema>;

export const meetingListQuery = pageQuery
  .extend({
    /** Organisers: one participant's meetings (asked or invited); a participant always sees only their own. */
    registrationId: uuid.optional(),
    status: z.enum(meetingStatuses).optional(),
  })
  .strict();
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
