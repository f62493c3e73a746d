import { en as shared } from '../../mail/templates/en.js';
import type { SessionTemplates } from './template.js';

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
          `Now:\n${shared.whenAndWhere(view.now, view.timezone)}`,
          `Before:\n${shared.whenAndWhere(before, view.timezone)}`,
          shared.closing(view.missionTitle),
        ],
      };
    },
    cancelled: (view) => ({
      subject: `Cancelled: ${view.sessionTitle} (${view.missionTitle})`,
      paragraphs: [
        `Dear ${view.name},`,
        `The session “${view.sessionTitle}” of ${view.missionTitle} has been cancelled. It was planned for:`,
        shared.whenAndWhere(view.now, view.timezone),
        ...(view.reason ? [`Reason: ${view.reason}`] : []),
        shared.closing(view.missionTitle),
      ],
    }),
  },
};
