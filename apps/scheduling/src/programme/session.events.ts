import type { CloudEvent } from '#contracts';
import type { Mission } from '../missions/mission.js';
import type { Session } from './session.js';
import type { Venue } from './venue.js';

/** What the session.* events carry of a session. */
export function toSessionSnapshot(session: Session, venue: Venue | null, mission: Pick<Mission, 'timezone'>): CloudEvent<'session.scheduled'>['data'] {
  return {
    sessionId: session.id,
    missionId: session.missionId,
    kind: session.kind,
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timezone: venue?.timezone ?? mission.timezone,
    venue: venueOfEvents(venue),
    capacity: session.capacity,
    parentSessionId: session.parentSessionId,
    ...(Object.keys(session.titles).length > 0 ? { titles: session.titles } : {}),
    // The agenda's SEQUENCE, so that a mail's invitation and the .ics feed agree (docs/DESIGN.md, Calendar invitations).
    sequence: session.sequence,
  };
}

export function venueOfEvents(venue: Venue | null) {
  return venue ? { name: venue.name, city: venue.city, timezone: venue.timezone, address: venue.address } : null;
}
