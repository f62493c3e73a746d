import { instant, uuid } from '#contracts';
import { z } from 'zod';
import type { UnscheduledReason } from '../../matchmaking/meeting-scheduler.js';

const count = z.number().int().nonnegative();
const milliseconds = z.number().int().nonnegative();

/** What a run did: stored with the run when it succeeds, and shown as it is. */
export const runResult = z.object({
  scheduled: count.describe('Meetings with a place after the run.'),
  kept: count.describe('Announced meetings left where they were.'),
  moved: count.describe('Announced meetings given another place.'),
  cancelled: count.describe('Announced meetings that lost their place (called off meanwhile, or no slot left for them).'),
  unscheduled: z
    .array(
      z.object({
        meetingId: uuid,
        reason: z.enum(['no-common-slot', 'limit-reached', 'no-free-slot'] as const satisfies readonly UnscheduledReason[]),
      }),
    )
    .describe(
      'Accepted meetings left without a place: `no-common-slot`, no slot in which both are available; `limit-reached`, one of them has as many meetings as the limit allows; `no-free-slot`, every slot both could meet in is taken by their other meetings or has no table left.',
    ),
  timetablesPublished: count.describe('Participants sent their timetable (`meeting.timetable_published`): those whose meetings the run changed.'),
  timings: z
    .object({ readMs: milliseconds, scheduleMs: milliseconds, applyMs: milliseconds })
    .describe("Where the run's time went: reading the instance, the scheduler, applying and announcing (the commit not included)."),
});

export type RunResult = z.infer<typeof runResult>;

/** A scheduling run as the API answers it; the schema also documents the responses. */
export const runView = z.object({
  id: uuid,
  missionId: uuid,
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  rebuild: z.boolean().describe('Every accepted meeting placed afresh, instead of keeping the announced ones where they are.'),
  limitPerParticipant: z.number().int().positive().nullable().describe('Most meetings per participant; null: no limit but the slots.'),
  progress: z.string().nullable().describe('What the run is doing now, while it is queued or running; null once it has finished.'),
  result: runResult.nullable().describe('Once the run has succeeded; null until then, and for a failed run.'),
  error: z.string().nullable().describe('Why the run failed; null unless it did.'),
  createdAt: instant,
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
});

export type RunView = z.infer<typeof runView>;
