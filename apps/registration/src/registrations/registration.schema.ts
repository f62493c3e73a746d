import { pageQuery } from '#common';
import { countryCode, languageTag, organisationTypes, registrationStatuses, timeZone, uuid } from '#contracts';
import { z } from 'zod';
import { answersSchema, categoryCode } from '../categories/categories.schema.js';
import { delegationName } from '../settings/registration-settings.schema.js';

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Codes that Intl names but ISO 3166-1 does not assign to a country (EU, UN, UK for GB, "Unknown Region", …). */
const notCountries = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UK', 'UN', 'XA', 'XB', 'ZZ']);

/** An ISO 3166-1 alpha-2 code of a country that exists, e.g. ES (the contract's pattern alone lets XX through). */
export const isoCountry = z.string().superRefine((code, context) => {
  const shape = countryCode.safeParse(code);
  if (!shape.success) context.addIssue({ code: 'custom', message: shape.error.issues[0]!.message });
  else if (notCountries.has(code) || regions.of(code) === undefined)
    context.addIssue({ code: 'custom', message: 'must be an ISO 3166-1 alpha-2 country code, e.g. ES' });
});

/** A BCP 47 tag that Intl also accepts (the contract's pattern alone lets `en-xx-yy-zz-zz` through). */
const language = z
  .string()
  .max(35)
  .superRefine((tag, context) => {
    const shape = languageTag.safeParse(tag);
    if (!shape.success) context.addIssue({ code: 'custom', message: shape.error.issues[0]!.message });
    else if (!isCanonicalisable(tag)) context.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag, e.g. en or zh-CN' });
  });

function isCanonicalisable(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** The public registration form; what the snapshot of `registration.*` events needs, and nothing unknown. */
export const registerSchema = z
  .object({
    email: z.string().trim().max(254).pipe(z.email()),
    givenName: name,
    familyName: name,
    organisation: z
      .object({
        name: z.string().trim().min(1).max(200),
        type: z.enum(organisationTypes),
        country: isoCountry,
        city: optionalText(120),
      })
      .strict(),
    /** The mission's delegation (the form's choice); `delegation`, its name in any language and any case, is what older clients send. */
    delegationId: uuid.optional(),
    delegation: delegationName.optional(),
    category: categoryCode.optional().describe("The code of the mission's registration category; required when the mission has categories."),
    answers: answersSchema.optional().describe("Answers to the category's questions, by question key."),
    jobTitle: optionalText(150),
    preferredLanguage: language,
    timezone: timeZone.optional(),
    consent: z.object({ dataProcessing: z.literal(true, { message: 'consent to data processing is required' }) }).strict(),
    dietary: optionalText(500),
    accessibility: optionalText(1000),
  })
  .strict();

export type Register = z.infer<typeof registerSchema>;

export const rejectSchema = z
  .object({ reason: z.string().trim().min(1).max(1000).optional() })
  .strict()
  .optional();

export type Reject = z.infer<typeof rejectSchema>;

export const registrationListQuery = pageQuery.extend({
  status: z.enum(registrationStatuses).optional(),
  delegation: z.string().min(1).max(100).optional(),
  /** The delegation and every delegation within it (Stuttgart Region with Ludwigsburg). */
  delegationId: uuid.optional(),
  category: categoryCode.optional(),
  country: countryCode.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export type RegistrationListQuery = z.infer<typeof registrationListQuery>;
