import type { RunResult } from './run.view.js';

export interface BlockBreak {
  startsAt: string;
  endsAt: string;
}

/** A session of kind b2b_meeting_block, as the scheduler cuts it: slots of `slotMinutes`, `tables` tables, no slot in a break. */
export interface MeetingBlockSettings {
  sessionId: string;
  missionId: string;
  slotMinutes: number;
  tables: number;
  breaks: BlockBreak[];
}

/** A time a participant said they cannot meet. */
export interface Unavailability {
  id: string;
  missionId: string;
  registrationId: string;
  startsAt: Date;
  endsAt: Date;
  note: string | null;
  createdAt: Date;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A scheduling run: its row is the background job's state (and its heartbeat says someone works on it). */
export interface MatchmakingRun {
  id: string;
  missionId: string;
  status: RunStatus;
  rebuild: boolean;
  limitPerParticipant: number | null;
  requestedBy: string;
  progress: string | null;
  result: RunResult | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A B2B block of the mission with its venue and its settings (null until an organiser set them). */
export interface BlockOfRun {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  releasedAt: Date | null;
  venue: { name: string; city: string; timezone: string } | null;
  slotMinutes: number | null;
  tables: number | null;
  breaks: BlockBreak[] | null;
}
