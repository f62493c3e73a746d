import { pageQuery } from '#common';
import { countryCode, uuid } from '#contracts';
import { z } from 'zod';

/** Filters combine (all must match); `q` looks in names, organisation, and the profile's offers and seeks. */
export const peopleQuery = pageQuery
  .extend({
    q: z.string().trim().min(2).max(100).optional(),
    theme: z.string().trim().min(1).max(80).optional(),
    country: countryCode.optional(),
    delegation: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type PeopleQuery = z.infer<typeof peopleQuery>;

export const visibilitySchema = z.object({ hidden: z.boolean() }).strict();
export type VisibilityInput = z.infer<typeof visibilitySchema>;

export const suggestionsQuery = z
  .object({
    /** Organisers: whose suggestions; a participant always gets their own. */
    registrationId: uuid.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();
export type SuggestionsQuery = z.infer<typeof suggestionsQuery>;
