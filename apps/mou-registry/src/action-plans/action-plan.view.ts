import { actionPlanScopes, actionPlanStatuses, instant, languageTag, localDate, uuid } from '#contracts';
import { z } from 'zod';
import { pilotProjectStatuses } from '../follow-up/follow-up.schema.js';
import { indicatorProgress } from './action-plan.rules.js';
import type { AuthorRow, IndicatorRow, PilotRow, PlanMilestoneRow, PlanRow, ReportRow } from './action-plans.repository.js';

const contact = {
  email: z.email().nullable().optional(),
  preferredLanguage: languageTag.nullable().optional(),
  registrationId: uuid.nullable().optional().describe('The participant, if it is one the registry knows.'),
};

const person = z
  .object({ name: z.string().describe('`(erased participant)` once a participant is erased.'), ...contact })
  .describe('The contact data and the link to a participant for organisers only.');

const report = z.object({ id: uuid, value: z.number(), asOf: localDate, note: z.string().nullable(), reportedAt: instant });

export const indicatorView = z.object({
  id: uuid,
  name: z.string(),
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
  reports: z.array(report).describe('Progress reports over time, oldest first.'),
  latest: z.number().nullable().describe('The value of the latest report, or null before the first.'),
  progress: z.number().min(0).max(1).nullable().describe('How far the latest value has come from the baseline to the target, 0..1.'),
});

export const planPilotView = z.object({
  id: uuid,
  planId: uuid,
  mouId: uuid.nullable().describe('The MoU it carries out; null for a project of the plan alone (it makes no MoU).'),
  mouReference: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  leadParty: z.string().nullable(),
  responsible: person,
  partners: z.array(z.string()),
  means: z.string().nullable(),
  budget: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  budgetSources: z.array(z.object({ source: z.string(), amount: z.number() })),
  status: z.enum(pilotProjectStatuses),
  indicators: z.array(indicatorView),
  createdAt: instant,
  updatedAt: instant,
});
export type PlanPilotView = z.infer<typeof planPilotView>;

export const planMilestoneView = z.object({
  id: uuid,
  planId: uuid,
  pilotProjectId: uuid.nullable(),
  title: z.string(),
  dueOn: localDate,
  owner: person,
  completedAt: instant.nullable(),
  reminders: z
    .array(z.object({ remindAt: instant, sentAt: instant.nullable() }))
    .describe('When its reminders come (the configured offsets before the due date), and when each went; organisers only.')
    .optional(),
});
export type PlanMilestoneView = z.infer<typeof planMilestoneView>;

export const planSummaryView = z.object({
  id: uuid,
  missionId: uuid.nullable(),
  title: z.string(),
  scope: z.enum(actionPlanScopes),
  cities: z.array(z.object({ name: z.string(), country: z.string() })),
  theme: z.string().nullable(),
  summary: z.string().nullable(),
  visibility: z.enum(['public', 'organisers']),
  status: z.enum(actionPlanStatuses),
  createdAt: instant,
  updatedAt: instant,
});
export type PlanSummaryView = z.infer<typeof planSummaryView>;

export const planView = planSummaryView.extend({
  nextStatuses: z.array(z.enum(actionPlanStatuses)).describe('The statuses the lifecycle allows from this one.'),
  authors: z.array(person.extend({ role: z.string(), organisation: z.string().nullable() })),
  pilotProjects: z.array(planPilotView),
  milestones: z.array(planMilestoneView),
});
export type PlanView = z.infer<typeof planView>;

export function toPlanSummaryView(row: PlanRow): PlanSummaryView {
  return {
    id: row.id,
    missionId: row.missionId,
    title: row.title,
    scope: row.scope,
    cities: row.cities,
    theme: row.theme,
    summary: row.summary,
    visibility: row.visibility,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function personView(
  organiser: boolean,
  name: string,
  details: { email: string | null; preferredLanguage?: string | null; registrationId: string | null },
): z.infer<typeof person> {
  return organiser ? { name, ...details } : { name };
}

export function toIndicatorView(row: IndicatorRow, reports: readonly ReportRow[]): z.infer<typeof indicatorView> {
  const latest = reports.at(-1)?.value ?? null;
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    reports: reports.map((r) => ({ id: r.id, value: r.value, asOf: r.asOf, note: r.note, reportedAt: r.reportedAt.toISOString() })),
    latest,
    progress: latest === null ? null : indicatorProgress(row, latest),
  };
}

export function toPlanPilotView(row: PilotRow, indicators: z.infer<typeof indicatorView>[], organiser: boolean): PlanPilotView {
  return {
    id: row.id,
    planId: row.planId!,
    mouId: row.mouId,
    mouReference: row.mouReference,
    title: row.title,
    summary: row.summary,
    leadParty: row.leadParty,
    responsible: personView(organiser, row.responsibleName ?? '', {
      email: row.responsibleEmail,
      preferredLanguage: row.responsibleLanguage,
      registrationId: row.responsibleRegistrationId,
    }),
    partners: row.partners,
    means: row.means,
    budget: row.budgetAmount === null ? null : { amount: row.budgetAmount, currency: row.budgetCurrency! },
    budgetSources: row.budgetSources,
    status: row.status as PlanPilotView['status'],
    indicators,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toPlanMilestoneView(
  row: PlanMilestoneRow,
  organiser: boolean,
  reminders: readonly { remindAt: Date; sentAt: Date | null }[] = [],
): PlanMilestoneView {
  return {
    id: row.id,
    planId: row.planId,
    pilotProjectId: row.pilotProjectId,
    title: row.title,
    dueOn: row.dueOn,
    owner: personView(organiser, row.ownerName, { email: row.ownerEmail, preferredLanguage: row.ownerLanguage, registrationId: row.ownerRegistrationId }),
    completedAt: row.completedAt?.toISOString() ?? null,
    ...(organiser ? { reminders: reminders.map((r) => ({ remindAt: r.remindAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null })) } : {}),
  };
}

export function toAuthorView(row: AuthorRow, organiser: boolean): PlanView['authors'][number] {
  return { ...personView(organiser, row.name, { email: row.email, registrationId: row.registrationId }), role: row.role, organisation: row.organisation };
}
