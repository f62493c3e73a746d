import type { EventData } from '#contracts';
import { chineseEntry, directoryEntry } from '../participants/directory-entry.fixture.js';
import { composeEnrolmentMail, enrolmentNotice, type EnrolmentMailEvent } from './enrolment.mail.js';

const factory = { name: 'SAIC-GM-Wuling plant', city: 'Liuzhou', timezone: 'Asia/Shanghai', address: '18 Hexi Road' };

function enrolment(overrides: Partial<EventData<'enrolment.cancelled'>> = {}): EventData<'enrolment.cancelled'> {
  return {
    enrolmentId: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
    sessionId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    registrationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    waitlistPosition: null,
    // Thursday 09:00–12:00 in Liuzhou.
    session: {
      kind: 'site_visit',
      title: 'Visit to the e-bus factory',
      startsAt: '2019-06-13T01:00:00Z',
      endsAt: '2019-06-13T04:00:00Z',
      timezone: 'Asia/Shanghai',
      venue: factory,
    },
    previousStatus: null,
    ...overrides,
  };
}

const mailOf = (type: EnrolmentMailEvent, data: EventData<'enrolment.cancelled'>, recipient = directoryEntry()) =>
  composeEnrolmentMail(enrolmentNotice(type, data)!, recipient);

describe('enrolmentNotice', () => {
  it('tells a seat, a place on the waiting list, a promotion from it and a cancellation apart', () => {
    expect(enrolmentNotice('enrolment.confirmed', enrolment())?.kind).toBe('confirmed');
    expect(enrolmentNotice('enrolment.confirmed', enrolment({ previousStatus: 'waitlisted' }))?.kind).toBe('promoted');
    expect(enrolmentNotice('enrolment.waitlisted', enrolment({ waitlistPosition: 2 }))).toMatchObject({ kind: 'waitlisted', waitlistPosition: 2 });
    expect(enrolmentNotice('enrolment.cancelled', enrolment({ previousStatus: 'confirmed', reason: 'withdrawn' }))?.kind).toBe('cancelled');
    expect(enrolmentNotice('enrolment.cancelled', enrolment({ previousStatus: 'confirmed' }))?.kind).toBe('cancelled');
  });

  it('mails no one when the participant left the mission (registration tells them), nor for an event that does not carry its session', () => {
    expect(enrolmentNotice('enrolment.cancelled', enrolment({ reason: 'participant-left' }))).toBeNull();
    expect(enrolmentNotice('enrolment.confirmed', enrolment({ session: undefined, previousStatus: undefined }))).toBeNull();
  });
});

describe('composeEnrolmentMail', () => {
  it('confirms a seat in English, with the session’s time in the participant’s zone and the venue’s, and the venue', () => {
    const mail = mailOf('enrolment.confirmed', enrolment());
    expect(mail).toMatchObject({ template: 'enrolment.confirmed', language: 'en', to: { name: 'Ana García', address: 'ana.garcia@example.org' } });
    expect(mail.subject).toBe('Your seat is confirmed: Visit to the e-bus factory (Smart cities mission to Chengdu)');
    expect(mail.text).toContain('Dear Ana García,');
    expect(mail.text).toContain('You have a seat at “Visit to the e-bus factory” of Smart cities mission to Chengdu');
    expect(mail.text).toContain('Thursday, 13 June 2019, 03:00–06:00 your time (Europe/Madrid)');
    expect(mail.text).toContain('Thursday, 13 June 2019, 09:00–12:00 local time at the venue (Asia/Shanghai)');
    expect(mail.text).toContain('Venue: SAIC-GM-Wuling plant, 18 Hexi Road, Liuzhou');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('says where on the waiting list the participant is, and that they will be told when a seat comes free', () => {
    const mail = mailOf('enrolment.waitlisted', enrolment({ waitlistPosition: 3 }));
    expect(mail.template).toBe('enrolment.waitlisted');
    expect(mail.subject).toBe('You are on the waiting list: Visit to the e-bus factory (Smart cities mission to Chengdu)');
    expect(mail.text).toContain('is full, so you are on its waiting list at position 3.');
    expect(mail.text).toContain('We will e-mail you as soon as a seat comes free');
    expect(mailOf('enrolment.waitlisted', enrolment()).text).toContain('you are on its waiting list. We will');
  });

  it('says so when the participant moves up from the waiting list', () => {
    const mail = mailOf('enrolment.confirmed', enrolment({ previousStatus: 'waitlisted' }));
    expect(mail.template).toBe('enrolment.promoted');
    expect(mail.subject).toBe('A seat is free: you are confirmed for Visit to the e-bus factory (Smart cities mission to Chengdu)');
    expect(mail.text).toContain('you have moved up from the waiting list');
  });

  it('says whether a seat or a place on the waiting list was cancelled', () => {
    const seat = mailOf('enrolment.cancelled', enrolment({ previousStatus: 'confirmed', reason: 'withdrawn' }));
    expect(seat).toMatchObject({
      template: 'enrolment.cancelled',
      subject: 'Enrolment cancelled: Visit to the e-bus factory (Smart cities mission to Chengdu)',
    });
    expect(seat.text).toContain('the seat is no longer held for you');
    expect(mailOf('enrolment.cancelled', enrolment({ previousStatus: 'waitlisted' })).text).toContain('Your place on the waiting list for');
  });

  it('writes each outcome in Chinese, the name family name first, the time once when the participant is in the venue’s zone', () => {
    const li = chineseEntry();
    const confirmed = mailOf('enrolment.confirmed', enrolment(), li);
    expect(confirmed).toMatchObject({ language: 'zh', subject: '活动名额已确认：Visit to the e-bus factory（Smart cities mission to Chengdu）' });
    expect(confirmed.text).toContain('尊敬的李伟：');
    expect(confirmed.text).toContain(
      '2019年6月13日星期四 09:00–12:00（您的时区及活动当地时间：Asia/Shanghai）\n地点：SAIC-GM-Wuling plant, 18 Hexi Road, Liuzhou',
    );
    expect(mailOf('enrolment.waitlisted', enrolment({ waitlistPosition: 4 }), li).text).toContain('已被列入候补名单，排在第4位。');
    expect(mailOf('enrolment.confirmed', enrolment({ previousStatus: 'waitlisted' }), li).subject).toBe(
      '候补转正：Visit to the e-bus factory（Smart cities mission to Chengdu）',
    );
    expect(mailOf('enrolment.cancelled', enrolment({ previousStatus: 'confirmed' }), li).subject).toBe(
      '活动报名已取消：Visit to the e-bus factory（Smart cities mission to Chengdu）',
    );
    // In another zone, the venue's time beside theirs.
    const away = mailOf('enrolment.confirmed', enrolment(), chineseEntry({ timezone: 'Europe/Berlin' }));
    expect(away.text).toContain('2019年6月13日星期四 03:00–06:00（您的时区：Europe/Berlin）\n活动当地时间 2019年6月13日星期四 09:00–12:00（Asia/Shanghai）');
  });

  it('falls back to English for a language without catalogues, and says the venue is to be announced when there is none', () => {
    const mail = mailOf(
      'enrolment.confirmed',
      enrolment({ session: { ...enrolment().session!, venue: null } }),
      directoryEntry({ preferredLanguage: 'pt-BR' }),
    );
    expect(mail.language).toBe('en');
    expect(mail.text).toContain('Venue: to be announced');
    expect(mail.text).toContain('09:00–12:00 local time at the venue (Asia/Shanghai)');
  });

  it('escapes what organisers typed in the HTML body', () => {
    const mail = mailOf('enrolment.confirmed', enrolment({ session: { ...enrolment().session!, title: '<b>Visit</b>' } }));
    expect(mail.html).not.toContain('<b>Visit');
    expect(mail.html).toContain('&lt;b&gt;Visit');
  });
});
