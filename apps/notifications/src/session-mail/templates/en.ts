import type { SessionMailView, SessionPlace, SessionTemplates } from './template.js';

const when = (place: SessionPlace, timezone: string) =>
  place.atVenue
    ? `${place.atRecipient} your time (${timezone})\n${place.atVenue} local time at the venue (${place.venueTimezone})`
    : `${place.atRecipient} your time and at the venue (${timezone})`;
const venue = (place: SessionPlace) => place.venue ?? 'to be announced';
/** When (in the recipient's `timezone` and the venue's) and where a session is: every e-mail about a session says it so. */
export const whenAndWhere = (place: SessionPlace, timezone: string) => `${when(place, timezone)}\nVenue: ${venue(place)}`;
export const closing = (view: Pick<SessionMailView, 'missionTitle'>) => [`Kind regards,\nThe organisers of ${view.missionTitle}`];

export const en: SessionTemplates = {
  locale: 'en-GB',
  kinds: {
    rescheduled: (view) => {
      const before = view.before!;
      const moved = before.venue !== view.now.venue;
      return {
        subject: `Changed: ${view.sessionTitle} (${view.missionTitle})`,
        paragraphs: [
          `Dear ${view.name},`,
          `The session “${view.sessionTitle}” of ${view.missionTitle} has changed. Please note the new ${moved ? 'time and venue' : 'time'}.`,
          `Now:\n${whenAndWhere(view.now, view.timezone)}`,
          `Before:\n${whenAndWhere(before, view.timezone)}`,
          ...closing(view),
        ],
      };
    },
    cancelled: (view) => ({
      subject: `Cancelled: ${view.sessionTitle} (${view.missionTitle})`,
      paragraphs: [
        `Dear ${view.name},`,
        `The session “${view.sessionTitle}” of ${view.missionTitle} has been cancelled. It was planned for:`,
        whenAndWhere(view.now, view.timezone),
        ...(view.reason ? [`Reason: ${view.reason}`] : []),
        ...closing(view),
      ],
    }),
  },
};
