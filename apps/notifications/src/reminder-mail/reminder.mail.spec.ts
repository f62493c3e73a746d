import type { EventData } from '#contracts';
import ICAL from 'ical.js';
import { renderInvitations } from '../mail/calendar-invitation.js';
import { chineseEntry, directoryEntry } from '../participants/directory-entry.fixture.js';
import { composeClosingReminder, composeMeetingReminder, composeSessionReminder } from './reminder.mail.js';

const sessionId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const meetingId = '6ba7b810-9dad-41d1-80b4-00c04fd430c8';

function sessionReminder(overrides: Partial<EventData<'session.reminder_due'>> = {}): EventData<'session.reminder_due'> {
  return {
    reminderId: '0b6b2a2c-1b7e-4c53-9c55-8f1a7ce1b1a1',
    missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    registrationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    offset: 'P1D',
    role: 'enrolled',
    session: {
      sessionId,
      missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      kind: 'forum',
      title: 'Smart mobility forum',
      startsAt: '2019-06-11T06:00:00Z',
      endsAt: '2019-06-11T07:30:00Z',
      timezone: 'Asia/Shanghai',
      venue: { name: 'Tianfu International Expo Center', city: 'Chengdu', timezone: 'Asia/Shanghai', address: '1 Century Ave' },
      sequence: 3,
    },
    ...overrides,
  };
}

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    attendee: event.getFirstPropertyValue('attendee'),
    organizer: event.getFirstPropertyValue('organizer'),
  };
}

const message = (to = directoryEntry()) => ({
  stamp: new Date('2019-06-10T06:00:00Z'),
  from: 'mission-hub <no-reply@mission-hub.local>',
  to: { name: 'Ana García', address: to.email },
});

describe('reminder mail', () => {
  it('reminds of a session in the recipient’s zone and the venue’s, with the agenda’s calendar entry', () => {
    const mail = composeSessionReminder(sessionReminder(), directoryEntry());
    expect(mail.template).toBe('reminder.session');
    expect(mail.subject).toBe('Reminder: Smart mobility forum (Smart cities mission to Chengdu)');
    expect(mail.text).toContain('where you have a seat');
    expect(mail.text).toContain('08:00–09:30 your time (Europe/Madrid)');
    expect(mail.text).toContain('14:00–15:30 local time at the venue (Asia/Shanghai)');
    const { calendar, attachments } = renderInvitations(mail.calendar, message());
    expect(attachments).toEqual([]);
    expect(parse(calendar!.content)).toEqual({
      method: 'REQUEST',
      uid: `${sessionId}@mission-hub`,
      sequence: 3,
      status: 'CONFIRMED',
      start: '2019-06-11T06:00:00.000Z',
      attendee: 'MAILTO:ana.garcia@example.org',
      organizer: 'mailto:no-reply@mission-hub.local',
    });
  });

  it('sends no invitation for an event without the agenda’s SEQUENCE, which could not update its copy', () => {
    const reminder = sessionReminder();
    const { sequence: _, ...session } = reminder.session;
    expect(composeSessionReminder({ ...reminder, session }, directoryEntry()).calendar).toEqual([]);
  });

  it('reminds a speaker in Chinese', () => {
    const mail = composeSessionReminder(sessionReminder({ role: 'speaker' }), chineseEntry());
    expect(mail.language).toBe('zh');
    expect(mail.subject).toBe('提醒：Smart mobility forum（Smart cities mission to Chengdu）');
    expect(mail.text).toContain('您将在该场次发言');
  });

  it('reminds of a meeting with whom and at which table, its UID and SEQUENCE the agenda’s', () => {
    const reminder: EventData<'meeting.reminder_due'> = {
      reminderId: '0b6b2a2c-1b7e-4c53-9c55-8f1a7ce1b1a1',
      missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      registrationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      offset: 'PT1H',
      meetingId,
      counterpartIds: [chineseEntry().registrationId],
      startsAt: '2019-06-10T01:00:00Z',
      endsAt: '2019-06-10T01:20:00Z',
      table: '12',
      venue: { name: 'Tianfu International Expo Center', city: 'Chengdu', timezone: 'Asia/Shanghai' },
      sequence: 4021,
    };
    const mail = composeMeetingReminder(reminder, directoryEntry({ preferredLanguage: 'de' }), [chineseEntry()]);
    expect(mail.subject).toBe('Erinnerung: Ihr B2B-Gespräch an Tisch 12 (Smart cities mission to Chengdu)');
    expect(mail.text).toContain('Mit: 李伟 (成都高新区)');
    expect(parse(renderInvitations(mail.calendar, message()).calendar!.content)).toMatchObject({
      method: 'REQUEST',
      uid: `${meetingId}@mission-hub`,
      sequence: 4021,
    });
  });

  it('reminds a registration still waiting that registration closes, and no one it no longer concerns', () => {
    const reminder: EventData<'registration.closing_reminder_due'> = {
      missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      registrationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      status: 'pending_approval',
      closesAt: '2019-05-20T22:00:00Z',
      offset: 'P2D',
    };
    const mail = composeClosingReminder(reminder, directoryEntry({ status: 'pending_approval', preferredLanguage: 'ca' }));
    expect(mail!.subject).toBe('La inscripció a Smart cities mission to Chengdu es tanca el 21 de maig del 2019, a les 0:00');
    expect(mail!.text).toContain('pendent de l’aprovació');
    expect(mail!.calendar).toBeUndefined();
    expect(composeClosingReminder(reminder, directoryEntry({ status: 'confirmed' }))).toBeNull();
  });
});
