/** An instant as a long date and time in `timeZone`, e.g. `1 June 2019 at 10:30`. */
export function formatInstant(instant: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, timeZone, 'instant').format(new Date(instant));
}

/**
 * From `startsAt` to `endsAt` in `timeZone`, with the weekday, e.g. `Monday, 10 June 2019, 09:00–10:30`
 * (`2019年6月10日星期一 09:00–10:30`); the day is repeated only when the interval crosses midnight there.
 */
export function formatInterval(startsAt: string, endsAt: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, timeZone, 'interval').formatRange(new Date(startsAt), new Date(endsAt));
}

/** A calendar date (`2019-06-30`) as a long date; formatted in UTC so that no time zone moves it by a day. */
export function formatLocalDate(date: string, locale: string): string {
  return dateTimeFormat(locale, 'UTC', 'date').format(new Date(`${date}T00:00:00Z`));
}

/** Whether two time zones show the same wall-clock time at each of these instants, so a time need be given only once. */
export function sameWallClock(instants: readonly string[], a: string, b: string): boolean {
  if (a === b) return true;
  return instants.every((instant) => formatInstant(instant, a, 'en-GB') === formatInstant(instant, b, 'en-GB'));
}

/** The one rule for names (libs/common `personName`), under the name the mail kinds use. */
export { personName as fullName } from '#common';

type FormatKind = 'instant' | 'interval' | 'date';
const options: Record<FormatKind, Intl.DateTimeFormatOptions> = {
  instant: { dateStyle: 'long', timeStyle: 'short' },
  // Spelled out field by field: ICU's zh range format for dateStyle falls back to numeric dates (2019/6/10).
  interval: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { dateStyle: 'long' },
};

/** Making an Intl.DateTimeFormat costs far more than using one; there are few locales and zones. */
const formats = new Map<string, Intl.DateTimeFormat>();
export function dateTimeFormat(locale: string, timeZone: string, kind: FormatKind): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options[kind], timeZone });
    formats.set(key, format);
  }
  return format;
}
