import type { EventData } from '#contracts';
import { renderMailBody, type MailBody } from '../mail/mail-body.js';
import { formatInterval, fullName, sameWallClock } from '../mail/mail-format.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import type { DirectoryEntry } from '../participants/participant-directory.repository.js';
import { sessionTemplates, type SessionMailKind, type SessionPlace } from './templates/index.js';

/** The session events that mail the participants they name. */
export const sessionMailEvents = ['session.rescheduled', 'session.cancelled'] as const;
export type SessionMailEvent = (typeof sessionMailEvents)[number];

type Rescheduled = EventData<'session.rescheduled'>;
type Cancelled = EventData<'session.cancelled'>;
/**
 * A venue as the event carries it. Scheduling may add an optional `address`: it is shown when present
 * (read structurally, so that this works before and after the contract gains it).
 */
type Venue = NonNullable<Rescheduled['venue']> & { address?: string | null };

export interface SessionMail extends MailBody {
  /** `session.rescheduled` or `session.cancelled`: names what was said, for the delivery log and `notification.sent`. */
  template: `session.${SessionMailKind}`;
  language: MailLanguage;
  to: { name: string; address: string };
}

/** The e-mail to one participant about a session that moved: the old and the new time, in their time zone and the venue's. */
export function composeRescheduledMail(session: Rescheduled, recipient: DirectoryEntry): SessionMail {
  const previous = { ...session.previous, timezone: session.timezone };
  return compose('rescheduled', session, recipient, { before: previous, reason: null });
}

/** The e-mail to one participant about a session that was cancelled, with when and where it was planned. */
export function composeCancelledMail(session: Cancelled, recipient: DirectoryEntry): SessionMail {
  return compose('cancelled', session, recipient, { before: null, reason: session.reason ?? null });
}

interface Slot {
  startsAt: string;
  endsAt: string;
  timezone: string;
  venue: Venue | null;
}

function compose(
  kind: SessionMailKind,
  session: Slot & { title: string },
  recipient: DirectoryEntry,
  change: { before: Slot | null; reason: string | null },
): SessionMail {
  const language = resolveMailLanguage(recipient.preferredLanguage);
  const templates = sessionTemplates[language];
  const place = (slot: Slot) => placeOf(slot, recipient.timezone, templates.locale);
  const content = templates.kinds[kind]({
    name: fullName(recipient.givenName, recipient.familyName),
    timezone: recipient.timezone,
    missionTitle: recipient.mission.title,
    sessionTitle: session.title,
    now: place(session),
    before: change.before ? place(change.before) : null,
    reason: change.reason,
  });
  return {
    template: `session.${kind}`,
    language,
    to: { name: fullName(recipient.givenName, recipient.familyName), address: recipient.email },
    ...renderMailBody(content, language),
  };
}

/** When and where, for a recipient in `timezone`: the venue's clock too, unless it shows the same. */
export function placeOf(slot: Slot, timezone: string, locale: string): SessionPlace {
  const venueTimezone = slot.venue?.timezone ?? slot.timezone;
  const same = sameWallClock([slot.startsAt, slot.endsAt], timezone, venueTimezone);
  return {
    atRecipient: formatInterval(slot.startsAt, slot.endsAt, timezone, locale),
    atVenue: same ? null : formatInterval(slot.startsAt, slot.endsAt, venueTimezone, locale),
    venueTimezone,
    venue: slot.venue ? [slot.venue.name, slot.venue.address, slot.venue.city].filter((part) => part && part.trim()).join(', ') : null,
  };
}
