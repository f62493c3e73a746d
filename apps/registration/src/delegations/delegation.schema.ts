import { countryCode, languageTag, uuid } from '#contracts';
import { z } from 'zod';
import { delegationName } from '../settings/registration-settings.schema.js';

/** Names per language: at least one, the main name being English if given, else the first. */
const names = z
  .record(languageTag, delegationName)
  .refine((all) => Object.keys(all).length >= 1 && Object.keys(all).length <= 12, { message: 'one name at least, twelve at most' });

const fields = {
  names,
  country: z.union([countryCode, z.literal('EU')]).describe('ISO 3166-1 alpha-2, or `EU` for the European Union’s own staff.'),
  city: z.string().trim().min(1).max(120).nullable().optional(),
  parentId: uuid.nullable().optional().describe('The delegation this one travels within (Ludwigsburg within the Stuttgart Region).'),
  headRegistrationId: uuid.nullable().optional().describe('The registration of its head: their own link opens the head’s pages.'),
  quota: z.number().int().min(0).max(1_000_000).nullable().optional().describe('Most confirmed seats, its sub-delegations’ included.'),
};

export const createDelegationSchema = z
  .object({ ...fields, precedence: z.number().int().positive().optional().describe('Its place in the order of precedence; last when left out.') })
  .strict();
export type CreateDelegation = z.infer<typeof createDelegationSchema>;

export const updateDelegationSchema = z
  .object({
    names: names.optional(),
    country: fields.country.optional(),
    city: fields.city,
    parentId: fields.parentId,
    headRegistrationId: fields.headRegistrationId,
    quota: fields.quota,
    precedence: z.number().int().positive().optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, { message: 'must change at least one field' });
export type UpdateDelegation = z.infer<typeof updateDelegationSchema>;

export const mergeDelegationSchema = z.object({ into: uuid.describe('The delegation that takes the members; this one is removed.') }).strict();
export type MergeDelegation = z.infer<typeof mergeDelegationSchema>;

export const delegationOrderSchema = z
  .object({ delegationIds: z.array(uuid).min(1).max(500).describe('Every delegation of the mission, first in precedence first.') })
  .strict();
export type DelegationOrder = z.infer<typeof delegationOrderSchema>;

export const addMemberSchema = z.object({ registrationId: uuid }).strict();
export type AddMember = z.infer<typeof addMemberSchema>;

export const memberRoleSchema = z
  .object({ role: z.string().trim().min(1).max(80).nullable().describe('Deputy head, interpreter, press…; null clears it.') })
  .strict();
export type MemberRole = z.infer<typeof memberRoleSchema>;
