import { formatInterval, sameWallClock } from './mail-format.js';

/** When and where a session is (or was), already formatted for the recipient. */
export interface SessionPlace {
  /** From start to end in the recipient's time zone. */
  atRecipient: string;
  /** From start to end in the venue's time zone; null when its clocks show the recipient's time. */
  atVenue: string | null;
  /** The venue's IANA time zone (the session's when it has no venue yet). */
  venueTimezone: string;
  /** e.g. `Tianfu Expo Center, 1 Century Ave, Chengdu`; null when the session has no venue yet. */
  venue: string | null;
}

/** A session's time and venue as events carry them; a venue's optional `address` is shown when present. */
export interface SessionSlot {
  startsAt: string;
  endsAt: string;
  timezone: string;
  venue: { name: string; city: string; timezone: string; address?: string | null } | null;
}

/** When and where, for a recipient in `timezone`: the venue's clock too, unless it shows the same. */
export function placeOf(slot: SessionSlot, timezone: string, locale: string): SessionPlace {
  const venueTimezone = slot.venue?.timezone ?? slot.timezone;
  const same = sameWallClock([slot.startsAt, slot.endsAt], timezone, venueTimezone);
  return {
    atRecipient: formatInterval(slot.startsAt, slot.endsAt, timezone, locale),
    atVenue: same ? null : formatInterval(slot.startsAt, slot.endsAt, venueTimezone, locale),
    venueTimezone,
    venue: slot.venue ? [slot.venue.name, slot.venue.address, slot.venue.city].filter((part) => part && part.trim()).join(', ') : null,
  };
}
