import { z } from 'zod';
import { countryCode, instant, languageTag, uuid } from '../shared.js';

/**
 * A delegation of a mission as registration keeps it: consumers group and address people by
 * `delegationId` and walk `parentId` up (Ludwigsburg travels within the Stuttgart Region's).
 */
export const delegationSnapshot = z.object({
  delegationId: uuid,
  missionId: uuid,
  /** The name in the mission's first language; `names` holds it per language. */
  name: z.string().min(1),
  names: z.record(languageTag, z.string().min(1)),
  /** ISO 3166-1 alpha-2, or `EU` for the European Union's own staff. */
  country: z.union([countryCode, z.literal('EU')]),
  city: z.string().nullable(),
  parentId: uuid.nullable(),
  headRegistrationId: uuid.nullable(),
  /** Order of precedence, 1 first. */
  precedence: z.number().int().positive(),
  quota: z.number().int().min(0).nullable(),
  occurredAt: instant,
});
export type DelegationSnapshot = z.infer<typeof delegationSnapshot>;

export const delegationEvents = {
  'delegation.saved': delegationSnapshot,
  /** Removed, or merged into another (`mergedInto`): its members now belong to that one and are announced with `registration.updated`. */
  'delegation.removed': z.object({ delegationId: uuid, missionId: uuid, mergedInto: uuid.nullable(), occurredAt: instant }),
} as const;
