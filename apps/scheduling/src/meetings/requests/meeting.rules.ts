import type { EventData } from '#contracts';
import type { Meeting, MeetingAttendee, MeetingOutcome } from './meeting.js';

export type Answer = 'accept' | 'decline';

/** Most attendees on each side of a group meeting, its lead included. */
export const MAX_PER_SIDE = 10;

/**
 * A meeting's attendees from a request: the requester and the invitee lead their sides, with whom
 * the request names. An error (field and message) when someone is named on both sides, or a side has
 * more than MAX_PER_SIDE; the lead named again on their own side is no error.
 */
export function attendeesOf(
  requesterId: string,
  inviteeId: string,
  named: readonly MeetingAttendee[] = [],
): { attendees: MeetingAttendee[] } | { error: { field: string; message: string } } {
  const sideOf = new Map<string, MeetingAttendee['side']>([
    [requesterId, 'requester'],
    [inviteeId, 'invitee'],
  ]);
  for (const attendee of named) {
    const known = sideOf.get(attendee.registrationId);
    if (known && known !== attendee.side) return { error: { field: 'attendees', message: `${attendee.registrationId} is named on both sides` } };
    sideOf.set(attendee.registrationId, attendee.side);
  }
  const attendees = [...sideOf].map(([registrationId, side]) => ({ registrationId, side }));
  const ordered = [...attendees.filter((attendee) => attendee.side === 'requester'), ...attendees.filter((attendee) => attendee.side === 'invitee')];
  for (const side of ['requester', 'invitee'] as const) {
    if (ordered.filter((attendee) => attendee.side === side).length > MAX_PER_SIDE)
      return { error: { field: 'attendees', message: `at most ${MAX_PER_SIDE} attend on the ${side}'s side` } };
  }
  return { attendees: ordered };
}

/** Who may do what to a meeting: the error to give, or null when it is allowed. */
export type Refusal = { kind: 'forbidden'; detail: string } | { kind: 'conflict'; code: string; title: string; detail: string };

interface Actor {
  organiser: boolean;
  /** The participant's registration id, for a participant. */
  registrationId?: string;
}

/** The invitee answers a request (an organiser may answer for them); only a pending request has an answer. */
export function refuseAnswer(meeting: Pick<Meeting, 'inviteeId' | 'status'>, actor: Actor): Refusal | null {
  if (!actor.organiser && actor.registrationId !== meeting.inviteeId) return { kind: 'forbidden', detail: 'Only the invitee answers a meeting request.' };
  if (meeting.status !== 'requested') {
    return { kind: 'conflict', code: 'already-answered', title: 'The request was answered before', detail: `The meeting is ${meeting.status}.` };
  }
  return null;
}

/** Either party, or an organiser, calls a requested or accepted meeting off. */
export function refuseWithdrawal(meeting: Pick<Meeting, 'requesterId' | 'inviteeId' | 'status'>, actor: Actor): Refusal | null {
  if (!actor.organiser && actor.registrationId !== meeting.requesterId && actor.registrationId !== meeting.inviteeId) {
    return { kind: 'forbidden', detail: 'Only the meeting’s participants or an organiser call it off.' };
  }
  if (meeting.status !== 'requested' && meeting.status !== 'accepted') {
    return { kind: 'conflict', code: 'meeting-closed', title: 'The meeting is closed', detail: `The meeting is ${meeting.status}.` };
  }
  return null;
}

/** Organisers record how a meeting went, once it has a place. */
export function refuseOutcome(meeting: Pick<Meeting, 'status' | 'slotId'>, outcome: MeetingOutcome): Refusal | null {
  if (meeting.status !== 'accepted' || !meeting.slotId) {
    return {
      kind: 'conflict',
      code: 'meeting-not-scheduled',
      title: 'The meeting is not scheduled',
      detail: `A meeting is marked ${outcome} once a run has given it a place.`,
    };
  }
  return null;
}

/** The meeting as its events carry it; its slot is the announced one (table numbers as text, e.g. "7"). */
export function meetingPayload(meeting: Meeting): EventData<'meeting.requested'> {
  return {
    meetingId: meeting.id,
    missionId: meeting.missionId,
    requesterId: meeting.requesterId,
    inviteeId: meeting.inviteeId,
    priority: meeting.priority,
    ...(meeting.message ? { message: meeting.message } : {}),
    slot: slotOf(meeting),
    ...(meeting.proposedBy ? { proposedBy: 'organiser' as const } : {}),
    ...(meeting.outcome ? { outcome: meeting.outcome } : {}),
    sequence: meetingSequence(meeting),
    // Only a group meeting names its attendees (a one-to-one meeting's are its requester and invitee).
    ...(meeting.attendees.length > 2 ? { attendees: meeting.attendees.map(({ registrationId, side }) => ({ registrationId, side })) } : {}),
    ...(meeting.mouId ? { mouId: meeting.mouId } : {}),
  };
}

/** A meeting's iCalendar SEQUENCE, in the agenda and in every mail: the seconds from its request to its last change, so it grows with each change. */
export function meetingSequence(meeting: Pick<Meeting, 'createdAt' | 'updatedAt'>): number {
  return Math.max(0, Math.floor((meeting.updatedAt.getTime() - meeting.createdAt.getTime()) / 1000));
}

export function slotOf(meeting: Pick<Meeting, 'startsAt' | 'endsAt' | 'tableNumber'>): EventData<'meeting.requested'>['slot'] {
  if (!meeting.startsAt || !meeting.endsAt || meeting.tableNumber == null) return null;
  return { startsAt: meeting.startsAt.toISOString(), endsAt: meeting.endsAt.toISOString(), table: String(meeting.tableNumber) };
}
