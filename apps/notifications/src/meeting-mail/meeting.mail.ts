import type { EventData } from '#contracts';
import { meetingInvitation, type MailCalendar } from '../mail/calendar-invitation.js';
import { renderMailBody, type MailBody } from '../mail/mail-body.js';
import { fullName } from '../mail/mail-format.js';
import type { MailKind } from '../mail/mail-kind.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import type { DirectoryEntry } from '../participants/participants.repository.js';
import { meetingTemplates, type MeetingMailKind } from './templates/index.js';

/** The meeting events that mail one of its parties (scheduled and cancelled wait for the scheduler's contract). */
export const meetingMailEvents = ['meeting.requested', 'meeting.accepted', 'meeting.declined'] as const;
export type MeetingMailEvent = (typeof meetingMailEvents)[number];
type Meeting = EventData<MeetingMailEvent>;

/** A meeting was requested, accepted or declined: the party who has to know is told, the other one named. */
export const meetingMail: MailKind<MeetingMailEvent> = {
  inbox: 'notifications.meeting-mail',
  events: meetingMailEvents,
  recipients: (event) => {
    const { recipientId, counterpartId } = meetingMailParties(event.type, event.data);
    return { directory: [recipientId], naming: [counterpartId] };
  },
  compose: (event, recipient, { named }) =>
    composeMeetingMail(event.type, event.data, recipient, named.get(meetingMailParties(event.type, event.data).counterpartId) ?? null),
};

export interface MeetingMail extends MailBody {
  template: `meeting.${MeetingMailKind}`;
  language: MailLanguage;
  to: { name: string; address: string };
  calendar?: readonly MailCalendar[];
}

/** Who is told: a request goes to the invitee; its answer goes back to the requester. The other one is named in the mail. */
export function meetingMailParties(type: MeetingMailEvent, meeting: Pick<Meeting, 'requesterId' | 'inviteeId'>) {
  const kind = type.slice('meeting.'.length) as MeetingMailKind;
  return kind === 'requested'
    ? { kind, recipientId: meeting.inviteeId, counterpartId: meeting.requesterId }
    : { kind, recipientId: meeting.requesterId, counterpartId: meeting.inviteeId };
}

/** The notice to `recipient`, naming `counterpart` (null when the directory does not know them) in the recipient's language. */
export function composeMeetingMail(type: MeetingMailEvent, meeting: Meeting, recipient: DirectoryEntry, counterpart: DirectoryEntry | null): MeetingMail {
  const { kind } = meetingMailParties(type, meeting);
  const language = resolveMailLanguage(recipient.preferredLanguage);
  const content = meetingTemplates[language].kinds[kind]({
    name: fullName(recipient.givenName, recipient.familyName),
    missionTitle: recipient.mission.title,
    counterpart: counterpart && {
      name: fullName(counterpart.givenName, counterpart.familyName),
      jobTitle: counterpart.jobTitle,
      organisation: counterpart.organisation.name,
      country: counterpart.organisation.country,
    },
    message: meeting.message?.trim() || null,
  });
  return {
    template: `meeting.${kind}`,
    language,
    to: { name: fullName(recipient.givenName, recipient.familyName), address: recipient.email },
    ...renderMailBody(content, language),
    // A meeting is in the calendar once a run has placed it (the timetable's mail); one already placed and now declined leaves it.
    ...(meeting.slot && kind !== 'requested'
      ? {
          calendar: meetingInvitation(
            [{ meetingId: meeting.meetingId, ...meeting.slot, venue: null, sequence: meeting.sequence }],
            kind === 'declined' ? 'CANCEL' : 'REQUEST',
          ),
        }
      : {}),
  };
}
