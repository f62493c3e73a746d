import { z } from 'zod';
import { registerSchema } from '../registrations/registration.schema.js';
import { delegationName } from '../settings/registration-settings.schema.js';

// The same rules as the registration form, field by field, so a detail cannot be changed into what the form would refuse.
const form = registerSchema.shape;
const organisation = form.organisation.shape;

/**
 * What a participant (or an organiser for them) may change of their registration. A field left out
 * stays as it is; an optional detail is cleared with null. The e-mail is how the registration is
 * recognised (one per mission), so it is named and refused rather than reported as unknown.
 */
export const participantDetailsSchema = z
  .object({
    email: z.never({ error: 'cannot be changed: cancel and register again with the new address' }).optional(),
    givenName: form.givenName.optional(),
    familyName: form.familyName.optional(),
    jobTitle: form.jobTitle.unwrap().nullable().optional(),
    preferredLanguage: form.preferredLanguage.optional(),
    timezone: form.timezone,
    organisation: z
      .object({
        name: organisation.name.optional(),
        type: organisation.type.optional(),
        country: organisation.country.optional(),
        city: organisation.city.unwrap().nullable().optional(),
      })
      .strict()
      .refine((change) => Object.keys(change).length > 0, { message: 'must change at least one field' })
      .optional(),
    dietary: form.dietary.unwrap().nullable().optional(),
    accessibility: form.accessibility.unwrap().nullable().optional(),
    delegation: delegationName.nullable().optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, { message: 'must change at least one field' });

export type ParticipantDetails = z.infer<typeof participantDetailsSchema>;
