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

export interface ConsoleMeeting {
  id: string;
  requesterId: string;
  inviteeId: string;
  status: 'requested' | 'accepted' | 'declined' | 'cancelled';
  slot: { blockId: string; startsAt: string; endsAt: string; table: number } | null;
}

interface RegistrationLine {
  id: string;
  givenName: string;
  familyName: string;
  organisation: { name: string };
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

/** Who each participant is, by registration id, as a line of text: the meetings name only ids. */
export async function participantNames(organiser: OrganiserApi, missionId: string): Promise<Map<string, string>> {
  const registrations = await everyItem<RegistrationLine>(organiser, 'registration', `/api/missions/${missionId}/registrations`);
  return new Map(
    registrations.map((registration) => [
      registration.id,
      `${`${registration.givenName} ${registration.familyName}`.trim()}${registration.organisation.name ? ` (${registration.organisation.name})` : ''}`,
    ]),
  );
}
