import { actionPlanScopes, actionPlanStatuses, countryCode, languageTag } from '#contracts';
import { z } from 'zod';
import { pilotProjectStatuses } from '../follow-up/follow-up.schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const email = z.string().trim().max(254).pipe(z.email());

export const authorRoles = ['city_representative', 'cluster_manager', 'other'] as const;

/** Someone who answers for something: a confirmed participant the registry knows, or a person named with their contact data. */
export const personSchema = z.union([
  z.object({ registrationId: z.uuid() }).strict(),
  z.object({ name: text(150), email: email.optional(), preferredLanguage: languageTag.optional() }).strict(),
]);
export type PersonInput = z.infer<typeof personSchema>;

const author = z.union([
  z.object({ role: z.enum(authorRoles), registrationId: z.uuid(), organisation: text(200).optional() }).strict(),
  z.object({ role: z.enum(authorRoles), name: text(150), organisation: text(200).optional(), email: email.optional() }).strict(),
]);
export type AuthorInput = z.infer<typeof author>;

const city = z.object({ name: text(120), country: countryCode }).strict();

const planFields = {
  title: text(300),
  scope: z.enum(actionPlanScopes).describe('`city_pair`: one EU and one Chinese city; `cluster`: a thematic cluster of cities.'),
  cities: z.array(city).min(1).max(50),
  theme: text(120).nullable(),
  summary: text(4000).nullable(),
  visibility: z.enum(['public', 'organisers']),
  authors: z.array(author).max(30),
};

/** A city pair is one Chinese city and one of elsewhere (the EU's); a cluster has at least two cities. */
export function scopeErrors(plan: { scope: string; cities: { country: string }[] }): { field: string; message: string }[] {
  if (plan.scope === 'city_pair') {
    const chinese = plan.cities.filter((c) => c.country === 'CN').length;
    if (plan.cities.length !== 2 || chinese !== 1) return [{ field: 'cities', message: 'a city pair is two cities, one of them Chinese (CN)' }];
  } else if (plan.cities.length < 2) return [{ field: 'cities', message: 'a cluster has at least two cities' }];
  return [];
}

export const createPlanSchema = z
  .object({
    missionId: z.uuid().optional(),
    ...planFields,
    theme: planFields.theme.optional(),
    summary: planFields.summary.optional(),
    visibility: planFields.visibility.default('organisers'),
    authors: planFields.authors.default([]),
  })
  .strict()
  .superRefine((plan, context) => {
    for (const error of scopeErrors(plan)) context.addIssue({ code: 'custom', path: [error.field], message: error.message });
  });
export type CreatePlan = z.infer<typeof createPlanSchema>;

export const updatePlanSchema = z
  .object(planFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'changes nothing' });
export type UpdatePlan = z.infer<typeof updatePlanSchema>;

export const planTransitionSchema = z.object({ status: z.enum(actionPlanStatuses), reason: text(1000).optional() }).strict();
export type PlanTransition = z.infer<typeof planTransitionSchema>;

const budget = z
  .object({
    amount: z.number().nonnegative().max(999_999_999_999),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. EUR'),
  })
  .strict();
const budgetSource = z.object({ source: text(200), amount: z.number().nonnegative().max(999_999_999_999) }).strict();

const pilotFields = {
  title: text(300),
  summary: text(4000).nullable(),
  mouId: z.uuid().nullable().describe('The MoU the project carries out, if any: a project without one does not make an MoU.'),
  leadParty: text(200).nullable(),
  responsible: personSchema.describe('The person responsible for the project.'),
  partners: z.array(text(200)).max(50),
  means: text(4000).nullable().describe('The means of implementation: staff, equipment, exchanges, procurement.'),
  budget: budget.nullable(),
  budgetSources: z.array(budgetSource).max(30).describe('Where the budget comes from (city funds, EU programme, partners); in the currency of `budget`.'),
  status: z.enum(pilotProjectStatuses),
};

/** The sources of a budget may not add up to more than the budget. */
export function budgetErrors(project: { budget?: { amount: number } | null; budgetSources?: { amount: number }[] }): { field: string; message: string }[] {
  const sources = project.budgetSources ?? [];
  if (sources.length === 0) return [];
  if (!project.budget) return [{ field: 'budgetSources', message: 'needs a budget to be the sources of' }];
  const total = sources.reduce((sum, source) => sum + source.amount, 0);
  return total > project.budget.amount + 0.005
    ? [{ field: 'budgetSources', message: `add up to ${total}, more than the budget of ${project.budget.amount}` }]
    : [];
}

export const createPilotSchema = z
  .object({
    ...pilotFields,
    summary: pilotFields.summary.optional(),
    mouId: pilotFields.mouId.optional(),
    leadParty: pilotFields.leadParty.optional(),
    partners: pilotFields.partners.default([]),
    means: pilotFields.means.optional(),
    budget: pilotFields.budget.optional(),
    budgetSources: pilotFields.budgetSources.default([]),
    status: pilotFields.status.default('planned'),
  })
  .strict()
  .superRefine((project, context) => {
    for (const error of budgetErrors(project)) context.addIssue({ code: 'custom', path: [error.field], message: error.message });
  });
export type CreatePilot = z.infer<typeof createPilotSchema>;

export const updatePilotSchema = z
  .object(pilotFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'changes nothing' });
export type UpdatePilot = z.infer<typeof updatePilotSchema>;

export const adoptPilotSchema = z
  .object({ pilotProjectId: z.uuid().describe('A pilot project of an MoU of the plan’s mission that is in no plan yet (one recorded on the MoU).') })
  .strict();
export type AdoptPilot = z.infer<typeof adoptPilotSchema>;

const figure = z.number().min(-1e12).max(1e12);

export const createIndicatorSchema = z
  .object({ name: text(200), unit: text(40).describe('e.g. `buses`, `t CO2/year`, `%`.'), baseline: figure, target: figure })
  .strict();
export type CreateIndicator = z.infer<typeof createIndicatorSchema>;

export const createReportSchema = z.object({ value: figure, asOf: z.iso.date(), note: text(2000).optional() }).strict();
export type CreateReport = z.infer<typeof createReportSchema>;

export const createPlanMilestoneSchema = z.object({ title: text(300), dueOn: z.iso.date(), owner: personSchema, pilotProjectId: z.uuid().optional() }).strict();
export type CreatePlanMilestone = z.infer<typeof createPlanMilestoneSchema>;
