import { calendarOf, type CalendarEntry } from '#common';
import type { MailAttachment } from './mailer.service.js';

/**
 * An iCalendar invitation a mail carries (docs/DESIGN.md, Calendar invitations): `REQUEST` adds or
 * updates, `CANCEL` removes; its VEVENTs have the UID and SEQUENCE of the participant's agenda (`.ics`),
 * so a calendar program files it beside, or over, what it took from the agenda. The delivery renders it
 * (`calendarOf`, libs/common), stamped with the cause event's time and addressed to the recipient.
 */
export interface MailCalendar {
  method: 'REQUEST' | 'CANCEL';
  entries: Omit<CalendarEntry, 'stamp'>[];
}

/** A session as events carry it (its id beside, for enrolment events). */
export interface CalendarSession {
  title: string;
  startsAt: string;
  endsAt: string;
  venue: { name: string; city: string; address?: string | null } | null;
  /** The agenda's SEQUENCE; older events lack it, and then no invitation is sent (it could not update the agenda's copy). */
  sequence?: number;
}

/** The invitation to a session: `REQUEST` (confirmed, or tentative on the waitlist) or `CANCEL`. */
export function sessionInvitation(
  sessionId: string,
  session: CalendarSession,
  method: MailCalendar['method'],
  status: 'confirmed' | 'tentative' = 'confirmed',
): MailCalendar[] {
  if (session.sequence === undefined) return [];
  return [
    {
      method,
      entries: [
        {
          id: sessionId,
          sequence: session.sequence,
          start: new Date(session.startsAt),
          end: new Date(session.endsAt),
          summary: session.title,
          location: session.venue ? [session.venue.name, session.venue.address, session.venue.city].filter((part) => part && part.trim()).join(', ') : null,
          description: null,
          status: method === 'CANCEL' ? 'cancelled' : status,
        },
      ],
    },
  ];
}

/** A placed meeting as events carry it. */
export interface CalendarMeetingSlot {
  meetingId: string;
  startsAt: string;
  endsAt: string;
  table: string;
  venue: { name: string; city: string } | null;
  sequence?: number;
}

/** The invitation to placed meetings, all with one method; those without a SEQUENCE (older events) are left out. */
export function meetingInvitation(meetings: readonly CalendarMeetingSlot[], method: MailCalendar['method']): MailCalendar[] {
  const entries = meetings.flatMap((meeting) =>
    meeting.sequence === undefined
      ? []
      : [
          {
            id: meeting.meetingId,
            sequence: meeting.sequence,
            start: new Date(meeting.startsAt),
            end: new Date(meeting.endsAt),
            // As the agenda names it, so that either copy reads the same.
            summary: `B2B meeting, table ${meeting.table}`,
            location: meeting.venue ? `${meeting.venue.name}, ${meeting.venue.city}` : null,
            description: 'One-to-one meeting from the matchmaking timetable.',
            status: method === 'CANCEL' ? ('cancelled' as const) : ('confirmed' as const),
          },
        ],
  );
  return entries.length ? [{ method, entries }] : [];
}

/** A mail's invitations as the delivery log keeps them: the first is the message's calendar part, any further one an attached `.ics`. */
export interface RenderedInvitations {
  calendar?: { method: MailCalendar['method']; content: string };
  attachments: MailAttachment[];
}

/**
 * Renders `calendars` for one message: stamped with `stamp` (the cause event's time, so a re-sent copy
 * is the same), from the mail's sender (`MAIL_FROM`) to its recipient, as RFC 5546 wants of a method.
 */
export function renderInvitations(
  calendars: readonly MailCalendar[] | undefined,
  message: { stamp: Date; from: string; to: { name: string; address: string } },
): RenderedInvitations {
  const rendered = (calendars ?? []).map((calendar) => ({
    method: calendar.method,
    content: calendarOf(
      calendar.entries.map((entry) => ({ ...entry, stamp: message.stamp })),
      { method: calendar.method, organizer: mailbox(message.from), attendee: { name: message.to.name, email: message.to.address } },
    ),
  }));
  const [first, ...more] = rendered;
  return {
    ...(first ? { calendar: first } : {}),
    attachments: more.map((calendar, n) => ({
      filename: `${calendar.method.toLowerCase()}-${n + 1}.ics`,
      contentType: `text/calendar; charset=utf-8; method=${calendar.method}`,
      content: calendar.content,
    })),
  };
}

/** `mission-hub <no-reply@mission-hub.local>` → its name and address; a bare address is its own name. */
function mailbox(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1]!.trim() || match[2]!, email: match[2]! } : { name: from.trim(), email: from.trim() };
}
