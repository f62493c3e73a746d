import { languages, type Language } from './language.js';

/** Whether Intl knows the zone (a visitor's `?tz=` is checked with this before use). */
export function isTimeZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A moment as a person in `zone` reads it, in the page's language. */
export function formatDateTime(
  instant: string | Date,
  zone: string,
  language: Language,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return new Intl.DateTimeFormat(languages[language].htmlLang, { ...options, timeZone: zone }).format(new Date(instant));
}

export function formatTime(instant: string | Date, zone: string, language: Language): string {
  return formatDateTime(instant, zone, language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** A calendar date (`2019-06-09`), which has no zone: formatted as that day wherever one is. */
export function formatDate(date: string, language: Language, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  return new Intl.DateTimeFormat(languages[language].htmlLang, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The day (`2019-06-09`) a moment falls on in a zone: sessions are grouped by the venue's day. */
export function dayIn(instant: string | Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}
