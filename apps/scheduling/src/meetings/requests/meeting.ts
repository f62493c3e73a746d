import type { MeetingStatus } from '#contracts';

export type MeetingOutcome = 'held' | 'no_show';
export type CancelReason = 'participant-left' | 'withdrawn';

/**
 * A meeting between two participants, from the request to its place in a block. The place (slot,
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
  createdAt: Date;
  updatedAt: Date;
}
