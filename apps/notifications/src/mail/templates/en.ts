import type { SessionPlace } from '../session-place.js';
import type { SharedTemplates } from './template.js';

const when = (place: SessionPlace, timezone: string) =>
  place.atVenue
    ? `${place.atRecipient} your time (${timezone})\n${place.atVenue} local time at the venue (${place.venueTimezone})`
    : `${place.atRecipient} your time and at the venue (${timezone})`;

export const en: SharedTemplates = {
  closing: (missionTitle) => `Kind regards,\nThe organisers of ${missionTitle}`,
  manage: (link) => `Manage your registration: ${link}\nThis link is yours alone: please do not forward it.`,
  whenAndWhere: (place, timezone) => `${when(place, timezone)}\nVenue: ${place.venue ?? 'to be announced'}`,
};
