import { en as shared } from '../../mail/templates/en.js';
import type { EnrolmentMailView, EnrolmentTemplates } from './template.js';

const session = (view: EnrolmentMailView) => `“${view.sessionTitle}” of ${view.missionTitle}`;
const subject = (view: EnrolmentMailView) => `${view.sessionTitle} (${view.missionTitle})`;

export const en: EnrolmentTemplates = {
  locale: 'en-GB',
  kinds: {
    confirmed: (view) => ({
      subject: `Your seat is confirmed: ${subject(view)}`,
      paragraphs: [
        `Dear ${view.name},`,
        `You have a seat at ${session(view)}:`,
        shared.whenAndWhere(view.now, view.timezone),
        shared.closing(view.missionTitle),
      ],
    }),
    promoted: (view) => ({
      subject: `A seat is free: you are confirmed for ${subject(view)}`,
      paragraphs: [
        `Dear ${view.name},`,
        `A seat has come free at ${session(view)}: you have moved up from the waiting list, and the seat is yours.`,
        shared.whenAndWhere(view.now, view.timezone),
        shared.closing(view.missionTitle),
      ],
    }),
    waitlisted: (view) => ({
      subject: `You are on the waiting list: ${subject(view)}`,
      paragraphs: [
        `Dear ${view.name},`,
        `${session(view)} is full, so you are on its waiting list` +
          (view.waitlistPosition ? ` at position ${view.waitlistPosition}.` : '.') +
          ' We will e-mail you as soon as a seat comes free for you.',
        shared.whenAndWhere(view.now, view.timezone),
        shared.closing(view.missionTitle),
      ],
    }),
    cancelled: (view) => ({
      subject: `Enrolment cancelled: ${subject(view)}`,
      paragraphs: [
        `Dear ${view.name},`,
        view.previousStatus === 'waitlisted'
          ? `Your place on the waiting list for ${session(view)} has been cancelled.`
          : `Your enrolment in ${session(view)} has been cancelled: the seat is no longer held for you.`,
        shared.whenAndWhere(view.now, view.timezone),
        shared.closing(view.missionTitle),
      ],
    }),
  },
};
