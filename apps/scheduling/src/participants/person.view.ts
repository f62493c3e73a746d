import { uuid } from '#contracts';
import { z } from 'zod';
import type { Person } from './person.js';

/** Whom matchmaking names, as the API answers it: never an e-mail address. */
export const personView = z.object({
  registrationId: uuid,
  name: z.string().nullable().describe('Given and family name; null once the person asked for erasure.'),
  organisation: z.string().nullable(),
  country: z.string().nullable().describe("The organisation's country (ISO 3166-1 alpha-2)."),
  delegation: z.string().nullable().describe('The delegation they travel with; null without one.'),
});

export type PersonView = z.infer<typeof personView>;

/** The person of `registrationId`, or one with no name when scheduling does not know them (erased, or not told yet). */
export function toPersonView(registrationId: string, people: ReadonlyMap<string, Person>): PersonView {
  const person = people.get(registrationId);
  return {
    registrationId,
    name: person?.name ?? null,
    organisation: person?.organisation ?? null,
    country: person?.country ?? null,
    delegation: person?.delegation ?? null,
  };
}
