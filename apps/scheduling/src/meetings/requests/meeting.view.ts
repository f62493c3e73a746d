import { pageOf } from '#common';
import { instant, meetingStatuses, uuid } from '#contracts';
import { z } from 'zod';
import { meetingOutcomeSchema } from './meeting.schema.js';
import type { Meeting } from './meeting.js';
import { slotOf } from './meeting.rules.js';

/** A meeting between two participants as the API answers it; the schema also documents the responses. */
export const meetingView = z.object({
  id: uuid,
  missionId: uuid,
  requesterId: uuid.describe('The participant who asked (or for whom an organiser proposed the meeting).'),
  inviteeId: uuid.describe('The participant who answers.'),
  proposedByOrganiser: z.boolean(),
  priority: z.number().int().min(1).max(5).describe('1 (lowest) … 5 (highest).'),
  message: z.string().nullable(),
  status: z.enum(meetingStatuses),
  slot: z
    .object({
      blockId: uuid.describe('The meeting block (a session).'),
      startsAt: instant,
      endsAt: instant,
      table: z.number().int().positive(),
    })
    .nullable()
    .describe('Where and when, as the last run announced it; null until a run places the meeting, and once it is no longer accepted.'),
  outcome: meetingOutcomeSchema.shape.outcome.nullable().describe('How the meeting went, as an organiser recorded it; null until then.'),
  createdAt: instant,
  updatedAt: instant,
});

export type MeetingView = z.infer<typeof meetingView>;

export const meetingPage = pageOf(meetingView);

export function toMeetingView(meeting: Meeting): MeetingView {
  const slot = meeting.status === 'accepted' ? slotOf(meeting) : null;
  return {
    id: meeting.id,
    missionId: meeting.missionId,
    requesterId: meeting.requesterId,
    inviteeId: meeting.inviteeId,
    proposedByOrganiser: meeting.proposedBy !== null,
    priority: meeting.priority,
    message: meeting.message,
    status: meeting.status,
    slot: slot && meeting.blockId ? { blockId: meeting.blockId, startsAt: slot.startsAt, endsAt: slot.endsAt, table: meeting.tableNumber! } : null,
    outcome: meeting.outcome,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}
