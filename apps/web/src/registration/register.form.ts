import { randomUUID } from 'node:crypto';

/** What registration's `GET /api/missions/:id/registration-form` answers. */
export interface RegistrationForm {
  missionId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  window: 'open' | 'not-yet-open' | 'closed';
  opensAt: string | null;
  closesAt: string | null;
  approval: 'automatic' | 'manual';
  delegations: string[];
  /** The delegations to choose from, named in the page's language (absent from older registration services). */
  delegationOptions?: { id: string; name: string; parentId: string | null }[];
}

/**
 * The form's delegation choices: each delegation followed by those within it, indented, in the order
 * registration gives (precedence). The value is the name shown, which registration matches in any language.
 */
export function delegationChoices(form: Pick<RegistrationForm, 'delegations' | 'delegationOptions'>): { value: string; label: string }[] {
  const options = form.delegationOptions;
  if (!options) return form.delegations.map((name) => ({ value: name, label: name }));
  const known = new Set(options.map((option) => option.id));
  const choices: { value: string; label: string }[] = [];
  const visit = (parentId: string | null, depth: number, seen: Set<string>) => {
    for (const option of options.filter(
      (candidate) => (candidate.parentId !== null && known.has(candidate.parentId) ? candidate.parentId : null) === parentId,
    )) {
      if (seen.has(option.id)) continue;
      seen.add(option.id);
      choices.push({ value: option.name, label: `${'\u2014 '.repeat(depth)}${option.name}` });
      visit(option.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  return choices;
}

/** The name of the delegation an invitation link (`?delegationId=`) chose, to preselect it. */
export function invitedDelegation(form: Pick<RegistrationForm, 'delegationOptions'>, delegationId: string | undefined): string | undefined {
  return delegationId ? form.delegationOptions?.find((option) => option.id === delegationId)?.name : undefined;
}

/** The form's fields, named as the API's body paths, so that a problem's `errors[].field` names the field to mark. */
export const formFields = [
  'givenName',
  'familyName',
  'email',
  'preferredLanguage',
  'timezone',
  'organisation.name',
  'organisation.type',
  'organisation.country',
  'organisation.city',
  'delegation',
  'consent.dataProcessing',
] as const;
export type FormField = (typeof formFields)[number];
export type FormValues = Partial<Record<FormField, string>>;

/** The languages a participant's e-mails can be in. */
export const mailLanguages = [
  { tag: 'en', name: 'English' },
  { tag: 'zh-CN', name: '中文（简体）' },
  { tag: 'es', name: 'Español' },
  { tag: 'ca', name: 'Català' },
  { tag: 'it', name: 'Italiano' },
  { tag: 'de', name: 'Deutsch' },
] as const;

export const organisationTypes = ['city', 'government', 'business', 'research', 'education', 'ngo', 'other'] as const;

/** Codes that Intl names but ISO 3166-1 does not assign to a country (registration refuses them too). */
const notCountries = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UK', 'UN', 'XA', 'XB', 'ZZ']);
const countryCodes: string[] = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!notCountries.has(code) && names.of(code) !== undefined) codes.push(code);
    }
  return codes;
})();

const countriesByLocale = new Map<string, { code: string; name: string }[]>();

/** Every country, named and sorted in the page's language. */
export function countriesIn(locale: string): { code: string; name: string }[] {
  let list = countriesByLocale.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const collator = new Intl.Collator(locale);
    list = countryCodes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
    countriesByLocale.set(locale, list);
  }
  return list;
}

export const timeZones: readonly string[] = Intl.supportedValuesOf('timeZone');

const KEY = /^[A-Za-z0-9-]{16,64}$/;

/** A fresh key for each form shown: a double submit of one form is one registration; a corrected form is a new request. */
export function newIdempotencyKey(): string {
  return randomUUID();
}

/** The posted form: its values as typed (to show again) and its Idempotency-Key. */
export function readForm(body: Record<string, unknown>): { values: FormValues; idempotencyKey: string } {
  const values: FormValues = {};
  for (const field of formFields) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  const key = typeof body.idempotencyKey === 'string' && KEY.test(body.idempotencyKey) ? body.idempotencyKey : newIdempotencyKey();
  return { values, idempotencyKey: key };
}

/** The JSON body registration takes; an empty optional field is left out, so that registration says what is missing. */
export function registrationBody(values: FormValues): Record<string, unknown> {
  const text = (field: FormField) => values[field]?.trim() || undefined;
  const organisation: Record<string, unknown> = {
    name: values['organisation.name']?.trim() ?? '',
    type: text('organisation.type'),
    country: text('organisation.country'),
    city: text('organisation.city'),
  };
  return {
    givenName: values.givenName?.trim() ?? '',
    familyName: values.familyName?.trim() ?? '',
    email: values.email?.trim() ?? '',
    preferredLanguage: text('preferredLanguage'),
    timezone: text('timezone'),
    organisation,
    delegation: text('delegation'),
    consent: { dataProcessing: values['consent.dataProcessing'] === 'true' },
  };
}

/** A problem's field errors on the form's fields; the rest (a field the form does not have, the body) are general. */
export function errorsOnFields(fieldErrors: Record<string, string>): { fields: Partial<Record<FormField, string>>; general: string[] } {
  const fields: Partial<Record<FormField, string>> = {};
  const general: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    if ((formFields as readonly string[]).includes(field)) fields[field as FormField] = message;
    else if (field === 'consent') fields['consent.dataProcessing'] = message;
    else if (field === 'organisation') fields['organisation.name'] = message;
    else general.push(`${field}: ${message}`);
  }
  return { fields, general };
}

/** Fields whose "enter…"/"choose…" message the catalogue has (the optional ones need none). */
const fieldsWithMessage = [
  'givenName',
  'familyName',
  'email',
  'preferredLanguage',
  'timezone',
  'organisation.name',
  'organisation.type',
  'organisation.country',
  'consent.dataProcessing',
] as const satisfies readonly FormField[];
type FieldWithMessage = (typeof fieldsWithMessage)[number];

/** A catalogue message of the form (its key under `error.`) with its placeholders. */
export interface FieldMessage {
  key: 'tooLong' | 'nul' | FieldWithMessage;
  parameters?: Record<string, string | number>;
}

/**
 * Registration's own messages for the form's fields (zod's and `registration.schema.ts`'s), each
 * matched to what the form says in the visitor's language: "enter…"/"choose…" for a field left
 * empty or not as the schema wants it, the length for one too long. Anything else (a message this
 * list does not know yet) is shown as the API wrote it.
 */
const knownProblems: { field?: FormField; message: RegExp; key?: FieldMessage['key'] }[] = [
  { message: /^Too big: expected string to have <=(\d+) characters$/, key: 'tooLong' },
  { message: /^must not contain the NUL character$/, key: 'nul' },
  { message: /^Too small: expected string to have >=1 characters?$/ },
  { message: /^Invalid input: expected \w+, received undefined$/ },
  { field: 'email', message: /^Invalid email address$/ },
  { field: 'organisation.type', message: /^Invalid option: expected one of / },
  { field: 'organisation.country', message: /^must be an ISO 3166-1 alpha-2 (country )?code/ },
  { field: 'timezone', message: /^must be an IANA time zone/ },
  { field: 'preferredLanguage', message: /^must be a BCP 47 language tag/ },
  { field: 'consent.dataProcessing', message: /^consent to data processing is required$/ },
];

/** The catalogue message for registration's message on a field, or none (then the API's own text is shown). */
export function fieldMessage(field: FormField, apiMessage: string): FieldMessage | undefined {
  for (const known of knownProblems) {
    if (known.field !== undefined && known.field !== field) continue;
    const match = known.message.exec(apiMessage);
    if (!match) continue;
    if (known.key === 'tooLong') return { key: 'tooLong', parameters: { max: Number(match[1]) } };
    if (known.key) return { key: known.key };
    return (fieldsWithMessage as readonly FormField[]).includes(field) ? { key: field as FieldWithMessage } : undefined;
  }
  return undefined;
}
