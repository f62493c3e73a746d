import type { ProblemDetails } from '#common';
import type { OrganiserApi } from '../organiser-api.js';
import { everyItem } from '../programme/programme.service.js';

export type UnscheduledReason = 'no-common-slot' | 'limit-reached' | 'no-free-slot';

/** A scheduling run as scheduling answers it. */
export interface ConsoleRun {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  rebuild: boolean;
  limitPerParticipant: number | null;
  progress: string | null;
  result: {
    scheduled: number;
    kept: number;
    moved: number;
    cancelled: number;
    unscheduled: { meetingId: string; reason: UnscheduledReason }[];
    timetablesPublished: number;
  } | null;
  error: string | null;
  createdAt: string;
}

/** Whom scheduling names on a meeting (null once erased). */
interface MeetingPerson {
  registrationId: string;
  name: string | null;
  organisation: string | null;
}

export interface ConsoleMeeting {
  id: string;
  requesterId: string;
  inviteeId: string;
  requester?: MeetingPerson;
  invitee?: MeetingPerson;
  /** Everyone attending, requester's side first: the two, or a group meeting's teams. */
  attendees?: (MeetingPerson & { side: 'requester' | 'invitee' })[];
  status: 'requested' | 'accepted' | 'declined' | 'cancelled';
  slot: { blockId: string; startsAt: string; endsAt: string; table: number } | null;
}

export type Starting = { started: true; runId: string } | { started: false; problem: ProblemDetails; runningId?: string };

export function startRun(
  organiser: OrganiserApi,
  missionId: string,
  input: { rebuild: boolean; limitPerParticipant?: number },
  idempotencyKey: string,
): Promise<Starting> {
  return organiser
    .call<ConsoleRun>('scheduling', `/api/missions/${missionId}/matchmaking/runs`, {
      method: 'POST',
      body: input,
      headers: { 'idempotency-key': idempotencyKey },
    })
    .then((answer) =>
      answer.ok
        ? { started: true, runId: answer.body.id }
        : { started: false, problem: answer.problem, runningId: typeof answer.problem.runId === 'string' ? answer.problem.runId : undefined },
    );
}

export function runOf(organiser: OrganiserApi, missionId: string, runId: string): Promise<ConsoleRun> {
  return organiser.read<ConsoleRun>('scheduling', `/api/missions/${missionId}/matchmaking/runs/${runId}`);
}

export function meetingsOf(organiser: OrganiserApi, missionId: string): Promise<ConsoleMeeting[]> {
  return everyItem<ConsoleMeeting>(organiser, 'scheduling', `/api/missions/${missionId}/meetings`);
}

/** Who each participant is, by registration id, as a line of text, from the names scheduling gives its meetings. */
export function participantNames(meetings: readonly ConsoleMeeting[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const meeting of meetings) {
    for (const person of [meeting.requester, meeting.invitee, ...(meeting.attendees ?? [])]) {
      if (person?.name) names.set(person.registrationId, `${person.name}${person.organisation ? ` (${person.organisation})` : ''}`);
    }
  }
  return names;
}
