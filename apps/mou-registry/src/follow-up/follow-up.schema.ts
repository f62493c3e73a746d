import { languageTag } from '#contracts';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const pilotProjectStatuses = ['planned', 'running', 'completed', 'cancelled'] as const;

const budget = z
  .object({
    amount: z.number().nonnegative().max(999_999_999_999),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. EUR'),
  })
  .strict();

export const createPilotProjectSchema = z
  .object({
    title: text(300),
    /** The name of the party that leads it, one of the MoU's parties. */
    leadParty: text(200),
    budget: budget.optional(),
    status: z.enum(pilotProjectStatuses).default('planned'),
  })
  .strict();
export type CreatePilotProject = z.infer<typeof createPilotProjectSchema>;

export const updatePilotProjectSchema = z
  .object({ title: text(300), leadParty: text(200), budget: budget.nullable(), status: z.enum(pilotProjectStatuses) })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'changes nothing' });
export type UpdatePilotProject = z.infer<typeof updatePilotProjectSchema>;

/** Whoever answers for the milestone: named with their contact data, or a confirmed participant the registry knows. */
const owner = z.union([
  z.object({ name: text(150), email: z.string().trim().max(254).pipe(z.email()).optional(), preferredLanguage: languageTag.optional() }).strict(),
  z.object({ registrationId: z.uuid() }).strict(),
]);

export const createMilestoneSchema = z
  .object({
    title: text(300),
    dueOn: z.iso.date(),
    owner,
    pilotProjectId: z.uuid().optional(),
  })
  .strict();
export type CreateMilestone = z.infer<typeof createMilestoneSchema>;
