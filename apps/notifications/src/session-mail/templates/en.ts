import type { SessionMailView, SessionPlace, SessionTemplates } from './template.js';

const when = (place: SessionPlace, view: SessionMailView) =>
  place.atVenue
    ? `${place.atRecipient} your time (${view.timezone})\n${place.atVenue} local time at the venue (${place.venueTimezone})`
    : `${place.atRecipient} your time and at the venue (${view.timezone})`;
const venue = (place: SessionPlace) => place.venue ?? 'to be announced';
const closing = (view: SessionMailView) => [`Kind regards,\nThe organisers of ${view.missionTitle}`];

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
          `Now:\n${when(view.now, view)}\nVenue: ${venue(view.now)}`,
          `Before:\n${when(before, view)}\nVenue: ${venue(before)}`,
          ...closing(view),
        ],
      };
    },
    cancelled: (view) => ({
      subject: `Cancelled: ${view.sessionTitle} (${view.missionTitle})`,
      paragraphs: [
        `Dear ${view.name},`,
        `The session “${view.sessionTitle}” of ${view.missionTitle} has been cancelled. It was planned for:`,
        `${when(view.now, view)}\nVenue: ${venue(view.now)}`,
        ...(view.reason ? [`Reason: ${view.reason}`] : []),
        ...closing(view),
      ],
    }),
  },
};
