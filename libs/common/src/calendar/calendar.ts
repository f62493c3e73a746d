import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/**
 * One thing in a calendar: a session or a meeting. Its UID is the thing's id (`calendarUid`), stable,
 * and its SEQUENCE is bumped on every change, so that a calendar program updates its copy in place
 * (RFC 5545) whether it took it from the participant's agenda (`.ics`) or from an invitation in a mail.
 */
export interface CalendarEntry {
  /** The session's or meeting's id. */
  id: string;
  sequence: number;
  /** DTSTAMP: when the entry last changed. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  description: string | null;
  status: 'confirmed' | 'tentative' | 'cancelled';
  /** The session that holds this one (a panel's forum): `RELATED-TO;RELTYPE=PARENT`. */
  parentId?: string | null;
}

export interface CalendarOptions {
  /** The calendar's name (a subscribed agenda); none for an invitation. */
  name?: string;
  /** `REQUEST` (an invitation, or its update) or `CANCEL` (RFC 5546): set on a mail's calendar part; none for a feed. */
  method?: 'REQUEST' | 'CANCEL';
  /** Who sends an invitation (RFC 5546 wants one with a method) and to whom. */
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
}

/** The UID of a session's or meeting's VEVENT, in the agenda and in every invitation alike. */
export function calendarUid(id: string): string {
  return `${id}@mission-hub`;
}

/** An iCalendar object of `entries`: the participant's agenda, the public programme, or a mail's invitation. */
export function calendarOf(entries: readonly CalendarEntry[], options: CalendarOptions = {}): string {
  const calendar = ical({
    ...(options.name ? { name: options.name } : {}),
    prodId: { company: 'mission-hub', product: 'programme', language: 'EN' },
    ...(options.method ? { method: ICalCalendarMethod[options.method] } : {}),
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: calendarUid(entry.id),
      sequence: entry.sequence,
      stamp: entry.stamp,
      start: entry.start,
      end: entry.end,
      summary: entry.summary,
      location: entry.location,
      description: entry.description,
      status: statuses[entry.status],
      ...(options.organizer ? { organizer: options.organizer } : {}),
      ...(options.attendee ? { attendees: [{ ...options.attendee, rsvp: false }] } : {}),
    });
  }
  const parentOf = new Map(entries.flatMap((entry) => (entry.parentId ? [[calendarUid(entry.id), calendarUid(entry.parentId)] as const] : [])));
  return withParents(calendar.toString(), parentOf);
}

/**
 * RFC 5545 RELATED-TO (RELTYPE=PARENT) on each session held by another: calendar apps that know it
 * group a panel under its forum. ical-generator writes only X- properties, so it goes in after the UID.
 */
function withParents(feed: string, parentOf: ReadonlyMap<string, string>): string {
  if (parentOf.size === 0) return feed;
  return feed.replace(/^UID:(.+)\r\n/gm, (line: string, uid: string) => {
    const parent = parentOf.get(uid);
    return parent ? `${line}RELATED-TO;RELTYPE=PARENT:${parent}\r\n` : line;
  });
}

const statuses = { confirmed: ICalEventStatus.CONFIRMED, tentative: ICalEventStatus.TENTATIVE, cancelled: ICalEventStatus.CANCELLED } as const;
