/** A reminder's distance before what it reminds of: as configured (an ISO 8601 duration) and in milliseconds. */
export interface ReminderOffset {
  /** `P1D`, `PT1H`, `PT90S`: named so in the reminder's event. */
  offset: string;
  ms: number;
}

/** Weeks, days, hours, minutes, seconds: no months or years, whose length depends on the date. */
const DURATION = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** `PT1H` → 3 600 000; null for anything else than a positive duration of weeks, days, hours, minutes and seconds. */
export function durationMs(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  const ms = ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
  return ms > 0 ? ms : null;
}

/**
 * `P1D,PT1H` → both, longest first, each once; empty (or `none`) for no reminders. Throws on an entry
 * that is not a positive duration, so that a typo stops the service at start rather than silence its reminders.
 */
export function parseReminderOffsets(text: string): ReminderOffset[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry && entry !== 'none');
  const offsets = new Map<number, ReminderOffset>();
  for (const entry of entries) {
    const ms = durationMs(entry);
    if (ms === null) throw new Error(`${entry} is not a duration such as P1D, PT1H or PT30M`);
    if (!offsets.has(ms)) offsets.set(ms, { offset: entry, ms });
  }
  return [...offsets.values()].sort((a, b) => b.ms - a.ms);
}

/**
 * The reminder due now for something starting at `startsAt`: of the offsets whose time has come
 * (`startsAt - offset <= now`), the shortest, and none once it has started. Only the shortest: a
 * service that was down through "one day before" and is back an hour before sends the hour's, not both;
 * a session moved to within the hour likewise. `offsets` longest first (`parseReminderOffsets`).
 */
export function dueOffset(startsAt: Date, offsets: readonly ReminderOffset[], now: Date): ReminderOffset | null {
  if (now.getTime() >= startsAt.getTime()) return null;
  let due: ReminderOffset | null = null;
  for (const offset of offsets) {
    if (startsAt.getTime() - offset.ms <= now.getTime() && (!due || offset.ms < due.ms)) due = offset;
  }
  return due;
}

/** How far ahead anything may be due: the longest offset (0 with none). */
export function horizonMs(offsets: readonly ReminderOffset[]): number {
  return offsets.reduce((longest, offset) => Math.max(longest, offset.ms), 0);
}
