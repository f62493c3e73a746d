import { z } from 'zod';
import { instant, localDate, uuid } from '../shared.js';

/** An Urban Cooperative Action Plan's lifecycle (issue 15): drafted, submitted for approval, approved, carried out, closed. */
export const actionPlanStatuses = ['draft', 'submitted', 'approved', 'in_implementation', 'closed', 'withdrawn'] as const;
export type ActionPlanStatus = (typeof actionPlanStatuses)[number];

/** A plan is for one EU–Chinese city pair, or for a thematic cluster of cities. */
export const actionPlanScopes = ['city_pair', 'cluster'] as const;

const plan = z.object({
  planId: uuid,
  missionId: uuid.nullable(),
  title: z.string(),
  scope: z.enum(actionPlanScopes),
  /** The cities it is for: the pair's two, or the cluster's. */
  cities: z.array(z.object({ name: z.string(), country: z.string() })),
  theme: z.string().nullable(),
  status: z.enum(actionPlanStatuses),
  visibility: z.enum(['public', 'organisers']),
  /** How many pilot projects it has, and how many of them carry out an MoU. */
  pilotProjects: z.number().int().nonnegative(),
  pilotProjectsWithMou: z.number().int().nonnegative(),
});

/** Whoever is reminded of a milestone: its owner and the person responsible for its pilot project (no e-mail once erased). */
const reminded = z.object({
  role: z.enum(['owner', 'responsible']),
  name: z.string(),
  email: z.email().nullable(),
  preferredLanguage: z.string().nullable(),
  registrationId: uuid.nullable(),
});

export const actionPlanEvents = {
  'action_plan.drafted': plan,
  'action_plan.updated': plan,
  'action_plan.status_changed': plan.extend({ previousStatus: z.enum(actionPlanStatuses), changedBy: z.string(), changedAt: instant }),
  /** A progress report on an indicator of a pilot project: the value as of a date, against the indicator's baseline and target. */
  'action_plan.pilot_project_progress': z.object({
    planId: uuid,
    missionId: uuid.nullable(),
    planTitle: z.string(),
    pilotProject: z.object({ pilotProjectId: uuid, title: z.string(), mouId: uuid.nullable(), status: z.string() }),
    indicator: z.object({ indicatorId: uuid, name: z.string(), unit: z.string(), baseline: z.number(), target: z.number() }),
    reportId: uuid,
    value: z.number(),
    asOf: localDate,
    /** How far from the baseline to the target the value is, 0..1 (beyond either end clamped); null when target equals baseline. */
    progress: z.number().min(0).max(1).nullable(),
    note: z.string().nullable(),
    reportedAt: instant,
  }),
  /** A milestone of a plan is due soon: announced once per configured offset (e.g. 7 days and 1 day before its due date). */
  'action_plan.milestone_reminder_due': z.object({
    planId: uuid,
    missionId: uuid.nullable(),
    planTitle: z.string(),
    milestoneId: uuid,
    title: z.string(),
    dueOn: localDate,
    /** The moment this reminder was for (the due date's start, UTC, less the offset) and the offset itself. */
    remindAt: instant,
    offsetMs: z.number().int().positive(),
    pilotProject: z.object({ pilotProjectId: uuid, title: z.string() }).nullable(),
    recipients: z.array(reminded),
  }),
} as const;
