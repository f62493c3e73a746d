import { instant, uuid } from '#contracts';
import { z } from 'zod';
import type { MissionReport } from './mission-report.rules.js';

const count = z.number().int().nonnegative();
const counts = z.record(z.string(), count);
const person = z.object({
  registrationId: uuid,
  name: z.string().describe('`Erased participant` once their data was erased.'),
  organisation: z.string().nullable(),
  country: z.string().nullable(),
  status: z.string(),
});

type DelegationView = Omit<MissionReport['delegations'][number], 'subDelegations'> & { subDelegations: DelegationView[] };
const delegation: z.ZodType<DelegationView> = z.lazy(() =>
  z.object({
    delegationId: uuid,
    name: z.string(),
    country: z.string(),
    city: z.string().nullable(),
    precedence: z.number().int(),
    head: z.string().nullable(),
    members: z.array(person).describe('Confirmed members, by name.'),
    confirmed: count.describe('Confirmed members, its sub-delegations included.'),
    subDelegations: z.array(delegation),
  }),
);

/** The mission report as the API answers it; the schema also documents the response. */
export const missionReport = z.object({
  missionId: uuid,
  position: z.number().int().nonnegative().describe("The last position of the mission's event log the report includes."),
  mission: z.object({ code: z.string(), title: z.string(), startsOn: z.string(), endsOn: z.string(), timezone: z.string() }).nullable(),
  participants: z.object({
    total: count,
    byStatus: counts,
    checkedIn: count,
    byCategory: z.array(z.object({ code: z.string().nullable(), confirmed: count, total: count })),
  }),
  delegations: z.array(delegation).describe('Top-level delegations in order of precedence, each with its sub-delegations.'),
  withoutDelegation: z.array(person),
  programme: z.array(
    z.object({
      sessionId: uuid,
      parentSessionId: uuid.nullable(),
      kind: z.string(),
      title: z.string(),
      startsAt: instant,
      endsAt: instant,
      venue: z.string().nullable(),
      cancelled: z.boolean(),
      enrolled: count,
      waitlisted: count,
      attended: count.describe('Of those enrolled, how many checked in to the mission.'),
    }),
  ),
  meetings: z.object({
    byStatus: counts,
    held: count,
    noShow: count,
    list: z.array(
      z.object({ meetingId: uuid, startsAt: instant.nullable(), requester: z.array(z.string()), invitee: z.array(z.string()), outcome: z.string().nullable() }),
    ),
  }),
  mous: z.object({
    byStatus: counts,
    signed: z.array(
      z.object({
        mouId: uuid,
        reference: z.string(),
        title: z.string(),
        status: z.string(),
        parties: z.array(z.object({ name: z.string(), kind: z.string(), country: z.string() })),
      }),
    ),
  }),
  actionPlans: z.array(
    z.object({
      planId: uuid,
      title: z.string(),
      scope: z.string(),
      cities: z.array(z.string()),
      status: z.string(),
      pilotProjects: count,
      pilotProjectsWithMou: count,
      progress: z
        .array(
          z.object({
            pilotProjectId: uuid,
            title: z.string(),
            mouId: uuid.nullable(),
            indicators: z.array(
              z.object({
                name: z.string(),
                unit: z.string(),
                baseline: z.number(),
                target: z.number(),
                value: z.number(),
                asOf: z.string(),
                progress: z.number().nullable().describe('From baseline (0) to target (1); null when they are equal.'),
              }),
            ),
          }),
        )
        .describe('Pilot projects with a progress report, each indicator at its latest.'),
    }),
  ),
});

// The fold's type and the documented response are one shape.
export type MissionReportView = z.infer<typeof missionReport> & MissionReport;
