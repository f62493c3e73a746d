const spanStyle: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** A session's or a meeting's time on one wall clock, e.g. "Mon 10 Jun 2019, 09:00–11:00" (the date once when both ends share it). */
export function formatSpan(startsAt: string, endsAt: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { ...spanStyle, timeZone }).formatRange(new Date(startsAt), new Date(endsAt));
}

/** One instant on one wall clock, with its zone's name, e.g. "10 Jun 2019, 09:00 CST". */
export function formatInstant(instant: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { ...spanStyle, weekday: undefined, timeZone, timeZoneName: 'short' }).format(new Date(instant));
}
