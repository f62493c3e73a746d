import { instant, languageTag, localDate, uuid } from '#contracts';
import { z } from 'zod';
import type { MilestoneRow, PilotProjectRow } from './follow-up.repository.js';
import { pilotProjectStatuses } from './follow-up.schema.js';

/** A pilot project of an MoU's action plan, as the API answers it; the schemas also document the responses. */
export const pilotProjectView = z.object({
  id: uuid,
  mouId: uuid,
  title: z.string(),
  leadParty: z.string().describe('The name of the party that leads it, one of the MoU’s parties.'),
  budget: z.object({ amount: z.number().nonnegative(), currency: z.string().describe('ISO 4217, e.g. EUR.') }).nullable(),
  status: z.enum(pilotProjectStatuses),
  createdAt: instant,
  updatedAt: instant,
});

export type PilotProjectView = z.infer<typeof pilotProjectView>;

/** A milestone of an MoU's follow-up. */
export const milestoneView = z.object({
  id: uuid,
  mouId: uuid,
  pilotProjectId: uuid.nullable(),
  title: z.string(),
  dueOn: localDate,
  owner: z
    .object({
      name: z.string().describe('`(erased participant)` once a participant who owns it is erased.'),
      email: z.email().nullable().optional(),
      preferredLanguage: languageTag.nullable().optional(),
      registrationId: uuid.nullable().optional().describe('The participant who owns it, if it is one the registry knows.'),
    })
    .describe('Whoever answers for it; the contact data and the link to a participant for organisers only.'),
  completedAt: instant.nullable(),
  dueAnnouncedAt: instant.nullable().describe('When the registry announced it overdue (`mou.milestone_due`), once; null until then.'),
});

export type MilestoneView = z.infer<typeof milestoneView>;

export function toPilotProjectView(row: PilotProjectRow): PilotProjectView {
  return {
    id: row.id,
    mouId: row.mouId,
    title: row.title,
    // A plan's project that carries out the MoU may name no lead party.
    leadParty: row.leadParty ?? '',
    budget: row.budgetAmount === null ? null : { amount: row.budgetAmount, currency: row.budgetCurrency! },
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `organiser` decides whether the owner's contact data and link show. */
export function toMilestoneView(row: MilestoneRow, organiser: boolean): MilestoneView {
  return {
    id: row.id,
    mouId: row.mouId,
    pilotProjectId: row.pilotProjectId,
    title: row.title,
    dueOn: row.dueOn,
    owner: organiser
      ? { name: row.ownerName, email: row.ownerEmail, preferredLanguage: row.ownerLanguage, registrationId: row.ownerRegistrationId }
      : { name: row.ownerName },
    completedAt: row.completedAt?.toISOString() ?? null,
    dueAnnouncedAt: row.dueAnnouncedAt?.toISOString() ?? null,
  };
}
