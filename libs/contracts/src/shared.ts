import { z } from 'zod';

/** The longest IANA name is 32 characters (`America/Argentina/ComodRivadavia`). */
const TIME_ZONE_MAX_LENGTH = 64;

export const uuid = z.uuid();
export const instant = z.iso.datetime({ offset: true });
export const localDate = z.iso.date();
/** An IANA time zone name such as `Asia/Shanghai`; checked against the runtime's zone database. */
export const timeZone = z.string().max(TIME_ZONE_MAX_LENGTH).refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Madrid' });
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. ES');
/** A BCP 47 language tag such as `en` or `zh-CN`. */
export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag, e.g. en or zh-CN');

const knownTimeZones = new Set<string>();

/**
 * Asking Intl costs ~90 µs and runs inside the registration lock, so each zone found is kept. Only
 * zones: what anyone may send must not fill the memory of the process (Intl also takes any casing of
 * a name, hence the bound on the set too).
 */
export function isTimeZone(value: string): boolean {
  if (value.length > TIME_ZONE_MAX_LENGTH) return false;
  if (knownTimeZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    return false;
  }
  if (knownTimeZones.size < 10_000) knownTimeZones.add(value);
  return true;
}

export const organisationTypes = ['city', 'government', 'business', 'research', 'education', 'ngo', 'other'] as const;

export const organisation = z.object({
  name: z.string().min(1).max(200),
  type: z.enum(organisationTypes),
  country: countryCode,
  city: z.string().min(1).max(120).optional(),
});
