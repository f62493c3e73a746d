import type { MailText } from '../../mail/mail-body.js';

/** A meeting as a timetable mail shows it: every time already formatted in the recipient's language. */
export interface TimetableLine {
  /** In the participant's time zone. */
  when: string;
  /** In the venue's, when its wall clock differs from the participant's; `city` names it. */
  venueWhen: { when: string; city: string } | null;
  table: string;
  venue: string | null;
  /** Name (job title, organisation, country), or null when the directory does not know them. */
  counterpart: string | null;
}

export interface TimetableMailView {
  name: string;
  missionTitle: string;
  /** The participant's time zone, as the times are given in it. */
  timezone: string;
  meetings: TimetableLine[];
  changes: { change: 'scheduled' | 'moved' | 'cancelled'; meeting: TimetableLine; previous: TimetableLine | null }[];
}

export interface TimetableTemplates {
  locale: string;
  first: (view: TimetableMailView) => MailText;
  changed: (view: TimetableMailView) => MailText;
}
