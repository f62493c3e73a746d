import { en as shared } from '../../mail/templates/en.js';
import type { MailMoments, RegistrationMailView, RegistrationTemplates } from './template.js';

const mission = (view: RegistrationMailView, moments: MailMoments) => `${view.mission.title} (${view.mission.code}, ${moments.missionDates})`;
const greeting = (view: RegistrationMailView) => `Dear ${view.givenName} ${view.familyName},`;
const when = (view: RegistrationMailView, moments: MailMoments) =>
  `${moments.occurredAtRecipient} your time (${view.timezone})` +
  (moments.occurredAtMission ? `; ${moments.occurredAtMission} at the mission (${view.mission.timezone})` : '');
const reason = (view: RegistrationMailView) => (view.reason ? [`Reason: ${view.reason}`] : []);

export const en: RegistrationTemplates = {
  locale: 'en-GB',
  dateRange: (format, first, last) => format.formatRange(first, last),
  kinds: {
    confirmed: (view, moments) => ({
      subject: `Your registration for ${view.mission.title} is confirmed`,
      paragraphs: [
        greeting(view),
        `Your registration for ${mission(view, moments)} is confirmed. We look forward to welcoming you.`,
        `Confirmed on ${when(view, moments)}.`,
        shared.closing(view.mission.title),
      ],
    }),
    approved: (view, moments) => ({
      subject: `Your registration for ${view.mission.title} has been approved`,
      paragraphs: [
        greeting(view),
        `An organiser has approved your registration for ${mission(view, moments)}: your place is confirmed.`,
        `Approved on ${when(view, moments)}.`,
        shared.closing(view.mission.title),
      ],
    }),
    promoted: (view, moments) => ({
      subject: `A place is free: your registration for ${view.mission.title} is confirmed`,
      paragraphs: [
        greeting(view),
        `A place has become free and you have moved up from the waiting list: your registration for ${mission(view, moments)} is now confirmed.`,
        `Confirmed on ${when(view, moments)}.`,
        shared.closing(view.mission.title),
      ],
    }),
    waitlisted: (view, moments) => ({
      subject: `You are on the waiting list for ${view.mission.title}`,
      paragraphs: [
        greeting(view),
        `${mission(view, moments)} is fully booked at the moment, so you are on the waiting list` +
          (view.waitlistPosition ? `, at position ${view.waitlistPosition}.` : '.') +
          ' We will write to you as soon as a place becomes free.',
        `Registered on ${when(view, moments)}.`,
        shared.closing(view.mission.title),
      ],
    }),
    pending_approval: (view, moments) => ({
      subject: `We have received your registration for ${view.mission.title}`,
      paragraphs: [
        greeting(view),
        `We have received your registration for ${mission(view, moments)}. An organiser will review it, and we will write to you once it has been decided.`,
        `Received on ${when(view, moments)}.`,
        shared.closing(view.mission.title),
      ],
    }),
    rejected: (view, moments) => ({
      subject: `Your registration for ${view.mission.title}`,
      paragraphs: [
        greeting(view),
        `We are sorry: your registration for ${mission(view, moments)} could not be accepted.`,
        ...reason(view),
        `Decided on ${when(view, moments)}.`,
        shared.closing(view.mission.title),
      ],
    }),
    cancelled: (view, moments) => ({
      subject: `Your registration for ${view.mission.title} is cancelled`,
      paragraphs: [
        greeting(view),
        `Your registration for ${mission(view, moments)} has been cancelled.`,
        ...reason(view),
        `Cancelled on ${when(view, moments)}.`,
        shared.closing(view.mission.title),
      ],
    }),
  },
};
