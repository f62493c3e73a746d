import type { EventData } from '#contracts';
import { meetingInvitation, type MailCalendar } from '../mail/calendar-invitation.js';
import { renderMailBody, type MailBody } from '../mail/mail-body.js';
import { formatInterval, fullName, sameWallClock } from '../mail/mail-format.js';
import type { MailKind } from '../mail/mail-kind.js';
import { resolveMailLanguage, type MailLanguage } from '../mail/mail-language.js';
import type { DirectoryEntry } from '../participants/participants.repository.js';
import { timetableTemplates, type TimetableLine } from './templates/index.js';

type TimetableNotice = EventData<'meeting.timetable_published'>;
type Place = Omit<TimetableNotice['meetings'][number], 'meetingId'>;

/** A participant's meeting timetable, mailed to them when a scheduling run publishes it, each counterpart named. */
export const meetingTimetableMail: MailKind<'meeting.timetable_published'> = {
  inbox: 'notifications.meeting-timetable-mail',
  events: ['meeting.timetable_published'],
  recipients: (event) => ({ directory: [event.data.registrationId], naming: peopleOf(event.data) }),
  compose: (event, recipient, { named }) => composeTimetableMail(event.data, recipient, named),
};

export interface TimetableMail extends MailBody {
  template: 'meeting.timetable' | 'meeting.timetable_changed';
  language: MailLanguage;
  to: { name: string; address: string };
  calendar?: readonly MailCalendar[];
}

/** Everyone a notice names: the recipient and each counterpart, current or previous. */
export function peopleOf(notice: TimetableNotice): string[] {
  const counterparts = [...notice.meetings, ...notice.changes.flatMap((change) => (change.previous ? [change.previous] : []))].map(
    (place) => place.counterpartId,
  );
  return [...new Set([notice.registrationId, ...counterparts])];
}

/**
 * The first timetable ("your meeting timetable") or a change notice ("changes to your meetings": what
 * changed, then the timetable as it now is), in the recipient's language and time zone, the venue's
 * time beside it where its clock differs, each counterpart with their organisation.
 */
export function composeTimetableMail(notice: TimetableNotice, recipient: DirectoryEntry, directory: ReadonlyMap<string, DirectoryEntry>): TimetableMail {
  const language = resolveMailLanguage(recipient.preferredLanguage);
  const templates = timetableTemplates[language];
  const zone = recipient.timezone;
  const line = (place: Place): TimetableLine => {
    const counterpart = directory.get(place.counterpartId);
    const venueZone = place.venue?.timezone;
    return {
      when: formatInterval(place.startsAt, place.endsAt, zone, templates.locale),
      venueWhen:
        place.venue && venueZone && !sameWallClock([place.startsAt, place.endsAt], zone, venueZone)
          ? { when: formatInterval(place.startsAt, place.endsAt, venueZone, templates.locale), city: place.venue.city }
          : null,
      table: place.table,
      venue: place.venue ? `${place.venue.name}, ${place.venue.city}` : null,
      counterpart: counterpart
        ? `${fullName(counterpart.givenName, counterpart.familyName)} (${[counterpart.jobTitle, counterpart.organisation.name, counterpart.organisation.country].filter(Boolean).join(', ')})`
        : null,
    };
  };
  const current = new Map(notice.meetings.map((meeting) => [meeting.meetingId, meeting]));
  const view = {
    name: fullName(recipient.givenName, recipient.familyName),
    missionTitle: recipient.mission.title,
    timezone: zone,
    meetings: notice.meetings.map(line),
    changes: notice.changes.flatMap((change) => {
      const now = current.get(change.meetingId) ?? change.previous;
      if (!now) return [];
      return [{ change: change.change, meeting: line(now), previous: change.previous ? line(change.previous) : null }];
    }),
  };
  const content = notice.first ? templates.first(view) : templates.changed(view);
  return {
    template: notice.first ? 'meeting.timetable' : 'meeting.timetable_changed',
    language,
    to: { name: view.name, address: recipient.email },
    ...renderMailBody(content, language),
    calendar: timetableInvitations(notice),
  };
}

/** Every meeting of the timetable as an invitation (its update, for one that moved), and those called off as a cancellation beside it. */
export function timetableInvitations(notice: TimetableNotice): MailCalendar[] {
  const cancelled = notice.changes.flatMap((change) =>
    change.change === 'cancelled' && change.previous ? [{ ...change.previous, meetingId: change.meetingId }] : [],
  );
  return [...meetingInvitation(notice.meetings, 'REQUEST'), ...meetingInvitation(cancelled, 'CANCEL')];
}
