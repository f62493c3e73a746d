import type { EventData } from '#contracts';
import { chineseEntry, directoryEntry } from '../participants/directory-entry.fixture.js';
import { placeOf } from '../mail/session-place.js';
import { composeCancelledMail, composeRescheduledMail } from './session.mail.js';

const expoCentre = { name: 'Tianfu International Expo Center', city: 'Chengdu', timezone: 'Asia/Shanghai' };
const liuzhouHall = { name: 'Liuzhou Industrial Museum', city: 'Liuzhou', timezone: 'Asia/Shanghai' };

function rescheduled(overrides: Partial<EventData<'session.rescheduled'>> = {}): EventData<'session.rescheduled'> {
  return {
    sessionId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    kind: 'forum',
    title: 'Smart mobility forum',
    // was 09:00–10:30 in Chengdu on Monday, now 14:00–15:30 on Tuesday
    startsAt: '2019-06-11T06:00:00Z',
    endsAt: '2019-06-11T07:30:00Z',
    timezone: 'Asia/Shanghai',
    venue: expoCentre,
    capacity: 120,
    previous: { startsAt: '2019-06-10T01:00:00Z', endsAt: '2019-06-10T02:30:00Z', venue: expoCentre },
    participantIds: [],
    ...overrides,
  };
}

function cancelled(overrides: Partial<EventData<'session.cancelled'>> = {}): EventData<'session.cancelled'> {
  const { previous: _previous, ...session } = rescheduled();
  return { ...session, reason: 'The venue is closed for repairs.', ...overrides };
}

describe('composeRescheduledMail', () => {
  it('writes in English with the new and the old time in the participant’s zone and the venue’s', () => {
    const mail = composeRescheduledMail(rescheduled(), directoryEntry());
    expect(mail).toMatchObject({ template: 'session.rescheduled', language: 'en', to: { name: 'Ana García', address: 'ana.garcia@example.org' } });
    expect(mail.subject).toBe('Changed: Smart mobility forum (Smart cities mission to Chengdu)');
    expect(mail.text).toContain('Dear Ana García,');
    const [now, before] = mail.text.split('Before:');
    expect(now).toContain('Tuesday, 11 June 2019, 08:00–09:30 your time (Europe/Madrid)');
    expect(now).toContain('Tuesday, 11 June 2019, 14:00–15:30 local time at the venue (Asia/Shanghai)');
    expect(now).toContain('Venue: Tianfu International Expo Center, Chengdu');
    expect(before).toContain('Monday, 10 June 2019, 03:00–04:30 your time (Europe/Madrid)');
    expect(before).toContain('Monday, 10 June 2019, 09:00–10:30 local time at the venue (Asia/Shanghai)');
    expect(mail.text).toContain('Please note the new time.');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('writes in Chinese, the name family name first, and the time once when the participant is in the venue’s zone', () => {
    const mail = composeRescheduledMail(rescheduled(), chineseEntry());
    expect(mail.language).toBe('zh');
    expect(mail.subject).toBe('日程变更：Smart mobility forum（Smart cities mission to Chengdu）');
    expect(mail.text).toContain('尊敬的李伟：');
    expect(mail.text).toContain('现时间：\n2019年6月11日星期二 14:00–15:30（您的时区及活动当地时间：Asia/Shanghai）');
    expect(mail.text).toContain('原时间：\n2019年6月10日星期一 09:00–10:30（您的时区及活动当地时间：Asia/Shanghai）');
    expect(mail.text).not.toContain('活动当地时间 ');
  });

  it('falls back to English for a language without catalogues', () => {
    expect(composeRescheduledMail(rescheduled(), directoryEntry({ preferredLanguage: 'pt-BR' })).language).toBe('en');
    expect(composeRescheduledMail(rescheduled(), directoryEntry({ preferredLanguage: 'zh-TW' })).language).toBe('en');
  });

  it('names the new and the old venue when the session moved, each in its own time zone', () => {
    const mail = composeRescheduledMail(
      rescheduled({ venue: { name: 'Hotel Ritz', city: 'Madrid', timezone: 'Europe/Madrid' }, previous: { ...rescheduled().previous, venue: liuzhouHall } }),
      directoryEntry(),
    );
    expect(mail.text).toContain('Please note the new time and venue.');
    const [now, before] = mail.text.split('Before:');
    expect(now).toContain('Venue: Hotel Ritz, Madrid');
    expect(now).toContain('08:00–09:30 your time and at the venue (Europe/Madrid)');
    expect(before).toContain('Venue: Liuzhou Industrial Museum, Liuzhou');
    expect(before).toContain('09:00–10:30 local time at the venue (Asia/Shanghai)');
  });

  it('shows the venue’s address when the event carries one', () => {
    const venue = { ...expoCentre, address: '1 Century Avenue, Hi-tech Zone' };
    const mail = composeRescheduledMail(rescheduled({ venue }), directoryEntry());
    expect(mail.text).toContain('Venue: Tianfu International Expo Center, 1 Century Avenue, Hi-tech Zone, Chengdu');
  });

  it('says the venue is to be announced, and uses the session’s zone, when there is no venue', () => {
    const mail = composeRescheduledMail(rescheduled({ venue: null }), directoryEntry());
    expect(mail.text).toContain('Venue: to be announced');
    expect(mail.text).toContain('14:00–15:30 local time at the venue (Asia/Shanghai)');
  });

  it('escapes what organisers typed in the HTML body', () => {
    const mail = composeRescheduledMail(rescheduled({ title: '<b>Forum</b>' }), directoryEntry());
    expect(mail.html).not.toContain('<b>Forum');
    expect(mail.html).toContain('&lt;b&gt;Forum');
  });
});

describe('composeCancelledMail', () => {
  it('says which session is cancelled, when and where it was planned, and why', () => {
    const mail = composeCancelledMail(cancelled(), directoryEntry());
    expect(mail.template).toBe('session.cancelled');
    expect(mail.subject).toBe('Cancelled: Smart mobility forum (Smart cities mission to Chengdu)');
    expect(mail.text).toContain('Tuesday, 11 June 2019, 08:00–09:30 your time (Europe/Madrid)');
    expect(mail.text).toContain('14:00–15:30 local time at the venue (Asia/Shanghai)');
    expect(mail.text).toContain('Reason: The venue is closed for repairs.');
  });

  it('writes in Chinese, with no reason line when there is none', () => {
    const mail = composeCancelledMail(cancelled({ reason: undefined }), chineseEntry());
    expect(mail.subject).toBe('活动取消：Smart mobility forum（Smart cities mission to Chengdu）');
    expect(mail.text).toContain('已取消');
    expect(mail.text).not.toContain('原因');
  });
});

describe('placeOf', () => {
  it('gives the venue’s clock only when it differs from the participant’s', () => {
    const slot = { startsAt: '2019-06-10T01:00:00Z', endsAt: '2019-06-10T02:30:00Z', timezone: 'Asia/Shanghai', venue: expoCentre };
    expect(placeOf(slot, 'Asia/Shanghai', 'en-GB').atVenue).toBeNull();
    expect(placeOf(slot, 'America/New_York', 'en-GB')).toEqual({
      atRecipient: 'Sunday, 9 June 2019, 21:00–22:30',
      atVenue: 'Monday, 10 June 2019, 09:00–10:30',
      venueTimezone: 'Asia/Shanghai',
      venue: 'Tianfu International Expo Center, Chengdu',
    });
  });
});
