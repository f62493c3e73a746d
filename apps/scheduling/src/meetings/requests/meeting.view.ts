import { pageOf } from '#common';
import { instant, meetingStatuses, uuid } from '#contracts';
import { z } from 'zod';
import { meetingOutcomeSchema } from './meeting.schema.js';
import type { Person } from '../../participants/person.js';
import { personView, toPersonView } from '../../participants/person.view.js';
import type { Meeting } from './meeting.js';
import { slotOf } from './meeting.rules.js';

/** A meeting between two participants (and their teams) as the API answers it, naming its people; the schema also documents the responses. */
export const meetingView = z.object({
  id: uuid,
  missionId: uuid,
  requesterId: uuid.describe('The participant who asked (or for whom an organiser proposed the meeting).'),
  inviteeId: uuid.describe('The participant who answers.'),
  requester: personView.describe('Who the requester is.'),
  invitee: personView.describe('Who the invitee is.'),
  attendees: z
    .array(personView.extend({ side: z.enum(['requester', 'invitee']) }))
    .describe("Everyone attending, requester's side first: the two for a one-to-one meeting, their teams too for a group meeting."),
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
  outcomeNotes: z.string().nullable().optional().describe('Organisers only: their notes on how it went.'),
  mouId: uuid.nullable().describe('The MoU the meeting led to, as an organiser recorded it; null when none.'),
  createdAt: instant,
  updatedAt: instant,
});

export type MeetingView = z.infer<typeof meetingView>;

export const meetingPage = pageOf(meetingView);

/** `people` names the attendees; `organiser` decides whether the outcome's notes show. */
export function toMeetingView(meeting: Meeting, people: ReadonlyMap<string, Person>, organiser = false): MeetingView {
  const slot = meeting.status === 'accepted' ? slotOf(meeting) : null;
  return {
    id: meeting.id,
    missionId: meeting.missionId,
    requesterId: meeting.requesterId,
    inviteeId: meeting.inviteeId,
    requester: toPersonView(meeting.requesterId, people),
    invitee: toPersonView(meeting.inviteeId, people),
    attendees: meeting.attendees.map((attendee) => ({ ...toPersonView(attendee.registrationId, people), side: attendee.side })),
    proposedByOrganiser: meeting.proposedBy !== null,
    priority: meeting.priority,
    message: meeting.message,
    status: meeting.status,
    slot: slot && meeting.blockId ? { blockId: meeting.blockId, startsAt: slot.startsAt, endsAt: slot.endsAt, table: meeting.tableNumber! } : null,
    outcome: meeting.outcome,
    ...(organiser ? { outcomeNotes: meeting.outcomeNotes } : {}),
    mouId: meeting.mouId,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}
