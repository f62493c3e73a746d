import type { RegistrationView } from './participant-api.js';

/** The details a participant changes on their page, named as the API names them (and as its problems name the field at fault). */
export const detailFields = [
  'givenName',
  'familyName',
  'jobTitle',
  'organisation.name',
  'organisation.type',
  'organisation.country',
  'organisation.city',
  'preferredLanguage',
  'timezone',
  'dietary',
  'accessibility',
] as const;

export type DetailField = (typeof detailFields)[number];

/** Left empty, these are cleared (null); the others are required, and an empty one is for the API to refuse by name. */
export const optionalFields: ReadonlySet<DetailField> = new Set(['jobTitle', 'organisation.city', 'dietary', 'accessibility']);

export function valuesOf(registration: RegistrationView): Record<DetailField, string> {
  const { organisation } = registration;
  return {
    givenName: registration.givenName,
    familyName: registration.familyName,
    jobTitle: registration.jobTitle ?? '',
    'organisation.name': organisation.name,
    'organisation.type': organisation.type,
    'organisation.country': organisation.country,
    'organisation.city': organisation.city ?? '',
    preferredLanguage: registration.preferredLanguage,
    timezone: registration.timezone,
    dietary: registration.dietary ?? '',
    accessibility: registration.accessibility ?? '',
  };
}

/** What the posted form holds, field by field, trimmed; a field the form did not send counts as unchanged. */
export function postedValues(form: Record<string, unknown>, registration: RegistrationView): Record<DetailField, string> {
  const current = valuesOf(registration);
  return Object.fromEntries(detailFields.map((field) => [field, typeof form[field] === 'string' ? (form[field] as string).trim() : current[field]])) as Record<
    DetailField,
    string
  >;
}

/** The PATCH body: only what differs from the registration as it is, so that an unchanged form changes (and announces) nothing. */
export function changeOf(posted: Record<DetailField, string>, registration: RegistrationView): Record<string, unknown> {
  const current = valuesOf(registration);
  const change: Record<string, unknown> = {};
  const organisation: Record<string, unknown> = {};
  for (const field of detailFields) {
    if (posted[field] === current[field]) continue;
    const value = posted[field] === '' && optionalFields.has(field) ? null : posted[field];
    if (field.startsWith('organisation.')) organisation[field.slice('organisation.'.length)] = value;
    else change[field] = value;
  }
  if (Object.keys(organisation).length > 0) change.organisation = organisation;
  return change;
}
