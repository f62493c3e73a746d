import type { RegistrationSnapshot } from '#contracts';
import { composeRegistrationMail, formatDateRange, registrationMailKind } from './registration.mail.js';
import { registrationTemplates } from './templates/index.js';

function snapshot(overrides: Partial<RegistrationSnapshot> = {}, participant: Partial<RegistrationSnapshot['participant']> = {}): RegistrationSnapshot {
  return {
    registrationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    status: 'confirmed',
    previousStatus: null,
    waitlistPosition: null,
    participant: {
      email: 'Ana.Garcia@Example.org',
      givenName: 'Ana',
      familyName: 'García',
      jobTitle: null,
      preferredLanguage: 'en',
      timezone: 'Europe/Madrid',
      organisation: { name: 'Ajuntament de Barcelona', type: 'city', country: 'ES' },
      delegation: 'Barcelona',
      ...participant,
    },
    mission: { code: 'CN-2019', title: 'Smart cities mission to Chengdu', startsOn: '2019-06-09', endsOn: '2019-06-15', timezone: 'Asia/Shanghai' },
    reason: null,
    occurredAt: '2019-06-01T08:30:00.000Z',
    ...overrides,
  };
}

describe('registrationMailKind', () => {
  it('names each outcome', () => {
    expect(registrationMailKind('registration.submitted', snapshot())).toBe('pending_approval');
    expect(registrationMailKind('registration.waitlisted', snapshot())).toBe('waitlisted');
    expect(registrationMailKind('registration.rejected', snapshot())).toBe('rejected');
    expect(registrationMailKind('registration.cancelled', snapshot())).toBe('cancelled');
  });

  it('tells a confirmation at once, after approval and by promotion from the waiting list apart', () => {
    expect(registrationMailKind('registration.confirmed', snapshot({ previousStatus: null }))).toBe('confirmed');
    expect(registrationMailKind('registration.confirmed', snapshot({ previousStatus: 'pending_approval' }))).toBe('approved');
    expect(registrationMailKind('registration.confirmed', snapshot({ previousStatus: 'waitlisted' }))).toBe('promoted');
  });

  it('mails nothing for other events', () => {
    expect(registrationMailKind('registration.updated', snapshot())).toBeNull();
    expect(composeRegistrationMail('registration.updated', snapshot())).toBeNull();
  });
});

describe('composeRegistrationMail', () => {
  it('writes in English, with the mission dates and the time in the recipient’s and the mission’s zones', () => {
    const mail = composeRegistrationMail('registration.confirmed', snapshot())!;
    expect(mail).toMatchObject({ template: 'registration.confirmed', language: 'en', to: { name: 'Ana García', address: 'Ana.Garcia@Example.org' } });
    expect(mail.subject).toBe('Your registration for Smart cities mission to Chengdu is confirmed');
    expect(mail.text).toContain('Dear Ana García,');
    expect(mail.text).toMatch(/9\s*–\s*15 June 2019/);
    // 08:30 UTC is 10:30 in Madrid (CEST) and 16:30 in Chengdu.
    expect(mail.text).toMatch(/1 June 2019 at 10:30 your time \(Europe\/Madrid\)/);
    expect(mail.text).toMatch(/16:30 at the mission \(Asia\/Shanghai\)/);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('García');
  });

  it('writes in Chinese for zh, zh-CN and zh-Hans, with a Chinese name in Chinese order', () => {
    for (const preferredLanguage of ['zh', 'zh-CN', 'zh-Hans']) {
      const mail = composeRegistrationMail(
        'registration.confirmed',
        snapshot({}, { preferredLanguage, givenName: '伟', familyName: '李', timezone: 'Asia/Shanghai' }),
      )!;
      expect(mail.language).toBe('zh');
      expect(mail.subject).toBe('您的Smart cities mission to Chengdu报名已确认');
      expect(mail.text).toContain('尊敬的李伟：');
      expect(mail.text).toContain('2019年6月9日至2019年6月15日');
      expect(mail.text).toContain('16:30');
      // Recipient and mission share a zone: the time is given once.
      expect(mail.text).not.toContain('活动当地时间');
    }
  });

  it('falls back to English for a language without catalogues', () => {
    const mail = composeRegistrationMail('registration.waitlisted', snapshot({ status: 'waitlisted', waitlistPosition: 3 }, { preferredLanguage: 'pt-BR' }))!;
    expect(mail.language).toBe('en');
    expect(mail.subject).toBe('You are on the waiting list for Smart cities mission to Chengdu');
    expect(mail.text).toContain('at position 3');
  });

  it('says so when a waitlisted participant is promoted', () => {
    const en = composeRegistrationMail('registration.confirmed', snapshot({ previousStatus: 'waitlisted' }))!;
    expect(en.template).toBe('registration.promoted');
    expect(en.text).toContain('moved up from the waiting list');
    const zh = composeRegistrationMail('registration.confirmed', snapshot({ previousStatus: 'waitlisted' }, { preferredLanguage: 'zh-CN' }))!;
    expect(zh.text).toContain('候补名单');
  });

  it('writes each outcome in each language, with the reason when there is one', () => {
    const outcomes = [
      ['registration.submitted', 'pending_approval'],
      ['registration.confirmed', 'confirmed'],
      ['registration.waitlisted', 'waitlisted'],
      ['registration.rejected', 'rejected'],
      ['registration.cancelled', 'cancelled'],
    ] as const;
    for (const preferredLanguage of ['en', 'zh']) {
      for (const [type, status] of outcomes) {
        const mail = composeRegistrationMail(type, snapshot({ status, reason: 'The delegation is full.' }, { preferredLanguage }))!;
        expect(mail.subject.length).toBeGreaterThan(0);
        expect(mail.text).toContain('Smart cities mission to Chengdu');
        if (type === 'registration.rejected' || type === 'registration.cancelled') expect(mail.text).toContain('The delegation is full.');
      }
    }
    expect(composeRegistrationMail('registration.cancelled', snapshot({ status: 'cancelled' }))!.subject).toMatch(/cancel/i);
  });

  it('escapes what participants typed in the HTML body', () => {
    const mail = composeRegistrationMail('registration.confirmed', snapshot({}, { givenName: '<script>alert(1)</script>' }))!;
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});

describe('formatDateRange', () => {
  it('never moves a calendar date by a time zone', () => {
    expect(formatDateRange('2019-06-09', '2019-06-09', registrationTemplates.en)).toBe('9 June 2019');
    expect(formatDateRange('2019-06-30', '2019-07-02', registrationTemplates.en)).toMatch(/30 June\s*–\s*2 July 2019/);
    expect(formatDateRange('2019-06-30', '2019-07-02', registrationTemplates.zh)).toBe('2019年6月30日至2019年7月2日');
  });
});

describe('the sign-in link in every registration e-mail', () => {
  const events = [
    ['registration.confirmed', { previousStatus: null }],
    ['registration.confirmed', { previousStatus: 'pending_approval' }],
    ['registration.confirmed', { previousStatus: 'waitlisted' }],
    ['registration.waitlisted', { waitlistPosition: 2 }],
    ['registration.submitted', {}],
    ['registration.rejected', { reason: 'full' }],
    ['registration.cancelled', {}],
  ] as const;

  it.each(['en', 'zh-CN'])('says where to manage the registration, before the closing (%s), with the link left to the sending', (language) => {
    for (const [type, overrides] of events) {
      const mail = composeRegistrationMail(type, snapshot(overrides as Partial<RegistrationSnapshot>, { preferredLanguage: language }))!;
      const paragraphs = mail.text.trim().split('\n\n');
      expect(paragraphs.at(-2)).toContain(language === 'en' ? 'Manage your registration: {{sign-in-link}}' : '管理您的报名：{{sign-in-link}}');
      expect(mail.html).toContain('{{sign-in-link}}');
      expect(mail.text).not.toMatch(/eyJ|sign-in\?link=/);
    }
  });
});
