import { pageOf, spreadsheetSafe } from '#common';
import { countryCode, instant, languageTag, organisationTypes, registrationStatuses, timeZone, uuid } from '#contracts';
import { z } from 'zod';
import { CategoryRules } from '../categories/categories.rules.js';
import { answerSchema } from '../categories/categories.schema.js';
import type { NewRegistration, Registration } from '../seats/registration.js';

/** What leaves the API about a registration: decided here and nowhere else (never the token's hash). The schema also documents the responses. */
export const registrationView = z.object({
  id: uuid,
  missionId: uuid,
  status: z.enum(registrationStatuses),
  waitlistPosition: z.number().int().positive().nullable().describe('1 for the next in line; null unless waitlisted.'),
  email: z.email().describe("`erased+<id>@erased.invalid` once the participant's personal data is erased."),
  givenName: z.string().describe('Empty once erased, as is `familyName`.'),
  familyName: z.string(),
  jobTitle: z.string().nullable(),
  organisation: z.object({ name: z.string(), type: z.enum(organisationTypes), country: countryCode, city: z.string().nullable() }),
  delegation: z.string().nullable().describe("The delegation's name (free text where the mission has no delegations)."),
  delegationId: uuid.nullable().describe("The mission's delegation (`GET /missions/{id}/delegations`); null when none."),
  delegationRole: z.string().nullable().describe('The role its head or an organiser marked in the delegation.'),
  parentDelegation: z.string().nullable().optional().describe("In lists: the name of the delegation this one's delegation lies within."),
  category: z.object({ categoryId: uuid, code: z.string() }).nullable().describe('The registration category it was made in; null when the mission has none.'),
  answers: z.record(z.string(), answerSchema).describe("Answers to the category's questions, by question key; empty once erased."),
  preferredLanguage: languageTag,
  timezone: timeZone,
  dietary: z.string().nullable(),
  accessibility: z.string().nullable(),
  consent: z.object({ dataProcessing: z.literal(true), givenAt: instant }),
  rejectionReason: z.string().nullable(),
  checkedInAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

export type RegistrationView = z.infer<typeof registrationView>;

export const registrationPage = pageOf(registrationView);

/** The answer to the registration form, with the participant's access token. */
export const registrationCreatedView = z.object({
  id: uuid,
  status: z.enum(registrationStatuses).describe('`confirmed`, `waitlisted` or, when the organisers approve each registration, `pending_approval`.'),
  accessToken: z
    .string()
    .describe("The participant's bearer token for their own registration; signing in with the link in any of their e-mails gives it again."),
});

export type RegistrationCreatedView = z.infer<typeof registrationCreatedView>;

export function toRegistrationView(registration: Registration & { parentDelegation?: string | null }, waitlistPosition: number | null): RegistrationView {
  return {
    id: registration.id,
    missionId: registration.missionId,
    status: registration.status,
    waitlistPosition: registration.status === 'waitlisted' ? waitlistPosition : null,
    email: registration.email,
    givenName: registration.givenName,
    familyName: registration.familyName,
    jobTitle: registration.jobTitle,
    organisation: {
      name: registration.organisationName,
      type: registration.organisationType,
      country: registration.organisationCountry,
      city: registration.organisationCity,
    },
    delegation: registration.delegation,
    delegationId: registration.delegationId,
    delegationRole: registration.delegationRole,
    ...(registration.parentDelegation !== undefined ? { parentDelegation: registration.parentDelegation } : {}),
    category: registration.categoryId ? { categoryId: registration.categoryId, code: registration.categoryCode! } : null,
    answers: registration.answers ?? {},
    preferredLanguage: registration.preferredLanguage,
    timezone: registration.timezone,
    dietary: registration.dietary,
    accessibility: registration.accessibility,
    consent: { dataProcessing: true, givenAt: registration.consentedAt.toISOString() },
    rejectionReason: registration.rejectionReason,
    checkedInAt: registration.checkedInAt?.toISOString() ?? null,
    cancelledAt: registration.cancelledAt?.toISOString() ?? null,
    createdAt: registration.createdAt.toISOString(),
    updatedAt: registration.updatedAt.toISOString(),
  };
}

export function toRegistrationCreated(registration: NewRegistration, accessToken: string): RegistrationCreatedView {
  return { id: registration.id, status: registration.status, accessToken };
}

export const csvColumns = [
  'id',
  'status',
  'waitlistPosition',
  'email',
  'givenName',
  'familyName',
  'jobTitle',
  'organisationName',
  'organisationType',
  'organisationCountry',
  'organisationCity',
  'delegation',
  'delegationId',
  'parentDelegation',
  'delegationRole',
  'category',
  'preferredLanguage',
  'timezone',
  'dietary',
  'accessibility',
  'checkedInAt',
  'cancelledAt',
  'createdAt',
] as const;

/** A line of the CSV: the columns above, then one per question of the mission's categories (`<category>.<question>`). */
export type CsvRecord = Record<(typeof csvColumns)[number], string | number | null> & Record<string, string | number | null>;

/** One line of the organisers' CSV export; `questionColumns` are the mission's (`CategoryRules.csvColumns`). */
export function toCsvRecord(
  registration: Registration & { parentDelegation?: string | null },
  waitlistPosition: number | null,
  questionColumns: readonly string[] = [],
): CsvRecord {
  const view = toRegistrationView(registration, waitlistPosition);
  return {
    id: view.id,
    status: view.status,
    waitlistPosition: view.waitlistPosition,
    email: spreadsheetSafe(view.email),
    givenName: spreadsheetSafe(view.givenName),
    familyName: spreadsheetSafe(view.familyName),
    jobTitle: spreadsheetSafe(view.jobTitle),
    organisationName: spreadsheetSafe(view.organisation.name),
    organisationType: view.organisation.type,
    organisationCountry: view.organisation.country,
    organisationCity: spreadsheetSafe(view.organisation.city),
    delegation: spreadsheetSafe(view.delegation),
    delegationId: view.delegationId,
    parentDelegation: spreadsheetSafe(view.parentDelegation ?? null),
    delegationRole: spreadsheetSafe(view.delegationRole),
    category: view.category?.code ?? null,
    preferredLanguage: view.preferredLanguage,
    timezone: view.timezone,
    dietary: spreadsheetSafe(view.dietary),
    accessibility: spreadsheetSafe(view.accessibility),
    checkedInAt: view.checkedInAt,
    cancelledAt: view.cancelledAt,
    createdAt: view.createdAt,
    ...answerCells(registration, questionColumns),
  };
}

/** The registration's answers in the columns of its own category's questions; the other columns empty. */
function answerCells(registration: Registration, questionColumns: readonly string[]): Record<string, string | null> {
  const prefix = `${registration.categoryCode ?? ''}.`;
  return Object.fromEntries(
    questionColumns.map((column) => [
      column,
      registration.categoryCode && column.startsWith(prefix)
        ? spreadsheetSafe(CategoryRules.csvValue(registration.answers?.[column.slice(prefix.length)]))
        : null,
    ]),
  );
}
