const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formats.set(zone, format);
  }
  return format;
}

/** An instant as the wall clock of `zone` shows it, with that zone's offset then: `2019-06-10T09:00:00+08:00`. */
export function localIso(instant: Date, zone: string): string {
  const parts = Object.fromEntries(
    formatIn(zone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName!.slice(3);
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The offset of `zone` at `instant`, in minutes east of UTC. */
export function offsetMinutes(instant: Date, zone: string): number {
  const offset = localIso(instant, zone).slice(19);
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/**
 * The instant a wall-clock time (`2019-06-10T09:00`) names in `zone`. In the hour skipped by a
 * DST change it answers the instant one offset later; in the repeated hour, the first of the two.
 */
export function instantOf(local: string, zone: string): Date {
  const asUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  let guess = asUtc - offsetMinutes(new Date(asUtc), zone) * 60_000;
  guess = asUtc - offsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}
