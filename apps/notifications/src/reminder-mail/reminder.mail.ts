import type { CloudEvent, EventData } from '#contracts';
import { meetingInvitation, sessionInvitation } from '../mail/calendar-invitation.js';
import { renderMailBody } from '../mail/mail-body.js';
import { formatInstant, fullName } from '../mail/mail-format.js';
import type { ComposedMail, MailKind } from '../mail/mail-kind.js';
import { resolveMailLanguage } from '../mail/mail-language.js';
import { placeOf } from '../mail/session-place.js';
import type { DirectoryEntry } from '../participants/participants.repository.js';
import { reminderTemplates } from './templates/index.js';

/** The reminders scheduling and registration announce when they fall due (docs/DESIGN.md, Reminders). */
export const reminderMailEvents = ['session.reminder_due', 'meeting.reminder_due', 'registration.closing_reminder_due'] as const;
export type ReminderMailEvent = (typeof reminderMailEvents)[number];

/** Each reminder event names its one recipient; a meeting's names the others at it too. */
export const reminderMail: MailKind<ReminderMailEvent> = {
  inbox: 'notifications.reminder-mail',
  events: reminderMailEvents,
  recipients: (event) =>
    event.type === 'meeting.reminder_due'
      ? { directory: [event.data.registrationId], naming: (event.data as EventData<'meeting.reminder_due'>).counterpartIds }
      : { directory: [event.data.registrationId] },
  compose: (event, recipient, { named }) => {
    switch (event.type) {
      case 'session.reminder_due':
        return composeSessionReminder((event as CloudEvent<'session.reminder_due'>).data, recipient);
      case 'meeting.reminder_due': {
        const data = (event as CloudEvent<'meeting.reminder_due'>).data;
        return composeMeetingReminder(
          data,
          recipient,
          data.counterpartIds.flatMap((id) => named.get(id) ?? []),
        );
      }
      case 'registration.closing_reminder_due':
        return composeClosingReminder((event as CloudEvent<'registration.closing_reminder_due'>).data, recipient);
    }
    return null;
  },
};

function header(recipient: DirectoryEntry) {
  const language = resolveMailLanguage(recipient.preferredLanguage);
  const name = fullName(recipient.givenName, recipient.familyName);
  return { language, name, templates: reminderTemplates[language], to: { name, address: recipient.email } };
}

/** Before a session: its time in the recipient's zone and the venue's, with the agenda's calendar entry. */
export function composeSessionReminder(reminder: EventData<'session.reminder_due'>, recipient: DirectoryEntry): ComposedMail {
  const { language, name, templates, to } = header(recipient);
  const { session } = reminder;
  const content = templates.session({
    name,
    timezone: recipient.timezone,
    missionTitle: recipient.mission.title,
    sessionTitle: session.titles?.[language] ?? session.title,
    role: reminder.role,
    now: placeOf(session, recipient.timezone, templates.locale),
  });
  return {
    template: 'reminder.session',
    language,
    to,
    ...renderMailBody(content, language),
    calendar: sessionInvitation(session.sessionId, session, 'REQUEST'),
  };
}

/** Before a meeting: when, where, at which table and with whom. */
export function composeMeetingReminder(
  reminder: EventData<'meeting.reminder_due'>,
  recipient: DirectoryEntry,
  counterparts: readonly DirectoryEntry[],
): ComposedMail {
  const { language, name, templates, to } = header(recipient);
  const slot = { startsAt: reminder.startsAt, endsAt: reminder.endsAt, timezone: reminder.venue?.timezone ?? recipient.timezone, venue: reminder.venue };
  const content = templates.meeting({
    name,
    timezone: recipient.timezone,
    missionTitle: recipient.mission.title,
    table: reminder.table,
    now: placeOf(slot, recipient.timezone, templates.locale),
    counterparts: counterparts.map((entry) => `${fullName(entry.givenName, entry.familyName)} (${entry.organisation.name})`),
  });
  return {
    template: 'reminder.meeting',
    language,
    to,
    ...renderMailBody(content, language),
    calendar: meetingInvitation([reminder], 'REQUEST'),
  };
}

/** Before registration closes, to a registration still waiting for approval or a seat; nothing once it no longer waits. */
export function composeClosingReminder(reminder: EventData<'registration.closing_reminder_due'>, recipient: DirectoryEntry): ComposedMail | null {
  if (recipient.status !== 'pending_approval' && recipient.status !== 'waitlisted') return null;
  const { language, name, templates, to } = header(recipient);
  const content = templates.closing({
    name,
    timezone: recipient.timezone,
    missionTitle: recipient.mission.title,
    status: recipient.status,
    closesAt: formatInstant(reminder.closesAt, recipient.timezone, templates.locale),
  });
  return { template: 'reminder.closing', language, to, ...renderMailBody(content, language) };
}
