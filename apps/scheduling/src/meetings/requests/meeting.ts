import type { MeetingStatus } from '#contracts';

export type MeetingOutcome = 'held' | 'no_show';
export type CancelReason = 'participant-left' | 'withdrawn';
export type MeetingSide = 'requester' | 'invitee';

/** Someone attending a meeting, on the requester's side or the invitee's. */
export interface MeetingAttendee {
  registrationId: string;
  side: MeetingSide;
}

/**
 * A meeting between two participants (and, for a group meeting, their teams), from the request to its place in a block. The place (slot,
 * table) is what the last run announced; a meeting cancelled after that keeps it until the next run
 * frees it, so that the run can tell its counterpart.
 */
export interface Meeting {
  id: string;
  seq: string;
  missionId: string;
  requesterId: string;
  inviteeId: string;
  /** The organiser's subject when an organiser proposed the meeting. */
  proposedBy: string | null;
  priority: number;
  message: string | null;
  status: MeetingStatus;
  cancelReason: CancelReason | null;
  /** The meeting block (a session) of the announced place. */
  blockId: string | null;
  slotId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  tableNumber: number | null;
  outcome: MeetingOutcome | null;
  /** The organiser's notes on how it went. */
  outcomeNotes: string | null;
  /** The MoU the meeting led to, as an organiser recorded it. */
  mouId: string | null;
  /**
   * Everyone attending, the requester and invitee included, requester's side first. A one-to-one
   * meeting has the two; a group meeting (a delegation with a company's team) more.
   */
  attendees: MeetingAttendee[];
  createdAt: Date;
  updatedAt: Date;
}
