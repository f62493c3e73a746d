import type { MailText } from '../../mail/mail-body.js';

export const meetingMailKinds = ['requested', 'accepted', 'declined'] as const;
export type MeetingMailKind = (typeof meetingMailKinds)[number];

/** Everything a meeting notice may show, already taken out of the event and the participant directory. */
export interface MeetingMailView {
  /** The recipient's name (a Chinese one family name first). */
  name: string;
  missionTitle: string;
  /** The other party of the meeting; null when the directory does not know them (any more). */
  counterpart: { name: string; jobTitle: string | null; organisation: string; country: string } | null;
  /** The requester's message, when there is one. */
  message: string | null;
}

/** One language's meeting notices. */
export interface MeetingTemplates {
  locale: string;
  kinds: Record<MeetingMailKind, (view: MeetingMailView) => MailText>;
}
