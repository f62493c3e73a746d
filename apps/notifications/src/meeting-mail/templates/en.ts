import type { MeetingMailView, MeetingTemplates } from './template.js';

const who = (view: MeetingMailView) => view.counterpart?.name ?? 'A participant';
const whoInFull = (view: MeetingMailView) => {
  const c = view.counterpart;
  if (!c) return 'A participant';
  return `${c.name} (${[c.jobTitle, c.organisation, c.country].filter(Boolean).join(', ')})`;
};
const message = (view: MeetingMailView, whose: string) => (view.message ? [`${whose}: “${view.message}”`] : []);
const closing = (view: MeetingMailView) => [`Kind regards,\nThe organisers of ${view.missionTitle}`];

export const en: MeetingTemplates = {
  locale: 'en-GB',
  kinds: {
    requested: (view) => ({
      subject: `${who(view)} would like to meet you at ${view.missionTitle}`,
      paragraphs: [
        `Dear ${view.name},`,
        `${whoInFull(view)} would like to meet you for a one-to-one meeting during ${view.missionTitle}.`,
        ...message(view, 'Their message'),
        'Please accept or decline the request in mission-hub. Accepted meetings are given a time and a table by the matchmaking timetable.',
        ...closing(view),
      ],
    }),
    accepted: (view) => ({
      subject: `${who(view)} has accepted your meeting request`,
      paragraphs: [
        `Dear ${view.name},`,
        `${whoInFull(view)} has accepted your request for a one-to-one meeting during ${view.missionTitle}.`,
        ...message(view, 'Your message'),
        'You will be told the time and the table once the matchmaking timetable is made.',
        ...closing(view),
      ],
    }),
    declined: (view) => ({
      subject: `${who(view)} has declined your meeting request`,
      paragraphs: [
        `Dear ${view.name},`,
        `${whoInFull(view)} has declined your request for a one-to-one meeting during ${view.missionTitle}.`,
        ...message(view, 'Your message'),
        ...closing(view),
      ],
    }),
  },
};
