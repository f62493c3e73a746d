import { IntlMessageFormat } from 'intl-messageformat';
import { accessCatalogues } from './access-mail/messages/index.js';
import { accessTemplates } from './access-mail/templates/index.js';
import { broadcastCatalogues } from './broadcast-mail/messages/index.js';
import { broadcastTemplates } from './broadcast-mail/templates/index.js';
import { enrolmentCatalogues } from './enrolment-mail/messages/index.js';
import { enrolmentTemplates } from './enrolment-mail/templates/index.js';
import { mailLanguages, mailLocales, type MailLanguage } from './mail/mail-language.js';
import type { Catalogues } from './mail/mail-messages.js';
import { sharedCatalogues } from './mail/messages/index.js';
import { placeOf } from './mail/session-place.js';
import { meetingCatalogues } from './meeting-mail/messages/index.js';
import { meetingTemplates } from './meeting-mail/templates/index.js';
import { meetingTimetableCatalogues } from './meeting-timetable-mail/messages/index.js';
import { timetableTemplates, type TimetableLine } from './meeting-timetable-mail/templates/index.js';
import { milestoneCatalogues } from './milestone-mail/messages/index.js';
import { milestoneTemplates } from './milestone-mail/templates/index.js';
import { milestoneReminderCatalogues } from './milestone-reminder-mail/messages/index.js';
import { milestoneReminderTemplates } from './milestone-reminder-mail/templates/index.js';
import { mailMoments } from './registration-mail/registration.mail.js';
import { registrationCatalogues } from './registration-mail/messages/index.js';
import { registrationMailKinds, registrationTemplates } from './registration-mail/templates/index.js';
import { reminderCatalogues } from './reminder-mail/messages/index.js';
import { reminderTemplates } from './reminder-mail/templates/index.js';
import { sessionCatalogues } from './session-mail/messages/index.js';
import { sessionTemplates } from './session-mail/templates/index.js';
import type { MailText } from './mail/mail-body.js';
import { webhookCatalogues } from './webhooks/webhook-mail/messages/index.js';

const catalogues: Record<string, Catalogues<string>> = {
  shared: sharedCatalogues,
  registration: registrationCatalogues,
  access: accessCatalogues,
  enrolment: enrolmentCatalogues,
  session: sessionCatalogues,
  meeting: meetingCatalogues,
  'meeting-timetable': meetingTimetableCatalogues,
  milestone: milestoneCatalogues,
  'milestone-reminder': milestoneReminderCatalogues,
  broadcast: broadcastCatalogues,
  reminder: reminderCatalogues,
  webhook: webhookCatalogues,
};
const others = mailLanguages.filter((language) => language !== 'en');

/**
 * What a message asks of its caller, whatever its language: each argument's name and type, each
 * select's cases and each plural's exact (`=n`) cases; plural categories (one, few, many) follow
 * each language's own rules, so they may differ.
 */
function placeholders(message: string, language: MailLanguage): string[] {
  const found = new Set<string>();
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>) => {
    for (const element of elements) {
      if (!('value' in element) || element.type === 0 /* literal */) continue;
      if ('options' in element) {
        const plural = 'pluralType' in element;
        const cases = Object.keys(element.options).filter((key) => !plural || key.startsWith('='));
        found.add(`${element.value}:${plural ? element.pluralType : 'select'}[${cases.sort().join(',')}]`);
        if (!('other' in element.options)) found.add(`${element.value}:missing other`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else {
        found.add(`${element.value}:${element.type}`);
      }
    }
  };
  walk(new IntlMessageFormat(message, mailLocales[language], undefined, { ignoreTag: true }).getAst());
  return [...found].sort();
}

describe.each(Object.entries(catalogues))('the %s catalogues', (_kind, catalogue) => {
  const keys = Object.keys(catalogue.en).sort();

  it.each(others)('have every English message in %s, and no other', (language) => {
    expect(Object.keys(catalogue[language]).sort()).toEqual(keys);
    for (const key of keys) expect(catalogue[language][key]).toMatch(/\S/);
  });

  it.each(others)('ask for the same placeholders in %s as in English', (language) => {
    for (const key of keys) {
      expect({ key, placeholders: placeholders(catalogue[language][key], language) }).toEqual({ key, placeholders: placeholders(catalogue.en[key], 'en') });
    }
  });

  it.each([...mailLanguages])('hold no ASCII apostrophe in %s (it quotes in ICU MessageFormat: write ’)', (language) => {
    for (const key of keys) expect({ key, message: catalogue[language][key] }).toEqual({ key, message: expect.not.stringContaining("'") });
  });
});

const place = placeOf(
  {
    startsAt: '2019-06-11T06:00:00Z',
    endsAt: '2019-06-11T07:30:00Z',
    timezone: 'Asia/Shanghai',
    venue: { name: 'Tianfu International Expo Center', city: 'Chengdu', timezone: 'Asia/Shanghai' },
  },
  'Europe/Madrid',
  'en-GB',
);
const line: TimetableLine = {
  when: 'Monday, 10 June 2019, 03:00–03:20',
  venueWhen: { when: '09:00–09:20', city: 'Chengdu' },
  table: '12',
  venue: 'Tianfu International Expo Center, Chengdu',
  counterpart: 'Li Wei (Director, Chengdu Hi-tech Zone, CN)',
};
const mission = { code: 'CN-2019', title: 'Smart cities mission', startsOn: '2019-06-09', endsOn: '2019-06-15', timezone: 'Asia/Shanghai' };

/** Every mail of every kind in `language`, from sample views. */
function everyMail(language: MailLanguage): [string, MailText][] {
  const registration = {
    givenName: 'Ana',
    familyName: 'García',
    mission,
    timezone: 'Europe/Madrid',
    occurredAt: '2019-05-01T10:30:00Z',
    waitlistPosition: 3,
    reason: 'Full.',
  };
  const session = {
    name: 'Ana García',
    timezone: 'Europe/Madrid',
    missionTitle: mission.title,
    sessionTitle: 'Forum',
    now: place,
    before: { ...place, venue: null },
    reason: 'Rain.',
  };
  const meeting = {
    name: 'Ana García',
    missionTitle: mission.title,
    counterpart: { name: 'Li Wei', jobTitle: 'Director', organisation: 'Hi-tech Zone', country: 'CN' },
    message: 'Hello',
  };
  const timetable = {
    name: 'Ana García',
    missionTitle: mission.title,
    timezone: 'Europe/Madrid',
    meetings: [line],
    changes: [
      { change: 'scheduled' as const, meeting: line, previous: null },
      { change: 'moved' as const, meeting: line, previous: line },
      { change: 'moved' as const, meeting: line, previous: null },
      { change: 'cancelled' as const, meeting: { ...line, counterpart: null }, previous: null },
    ],
  };
  const registrationIn = registrationTemplates[language];
  return [
    ...registrationMailKinds.map((kind): [string, MailText] => [
      `registration.${kind}`,
      registrationIn.kinds[kind](registration, mailMoments(registration, registrationIn)),
    ]),
    ['access.link_requested', accessTemplates[language].kinds.link_requested({ givenName: 'Ana', familyName: 'García', mission, link: 'L', days: 1 })],
    ['access.access_revoked', accessTemplates[language].kinds.access_revoked({ givenName: 'Ana', familyName: 'García', mission, link: 'L', days: 30 })],
    ...(['confirmed', 'promoted', 'waitlisted', 'cancelled'] as const).map((kind): [string, MailText] => [
      `enrolment.${kind}`,
      enrolmentTemplates[language].kinds[kind]({ ...session, waitlistPosition: null, previousStatus: 'waitlisted' }),
    ]),
    ['session.rescheduled', sessionTemplates[language].kinds.rescheduled(session)],
    ['session.cancelled', sessionTemplates[language].kinds.cancelled(session)],
    ...(['requested', 'accepted', 'declined'] as const).map((kind): [string, MailText] => [`meeting.${kind}`, meetingTemplates[language].kinds[kind](meeting)]),
    ['meeting.requested (unknown)', meetingTemplates[language].kinds.requested({ ...meeting, counterpart: null, message: null })],
    ['meeting.timetable', timetableTemplates[language].first({ ...timetable, meetings: [] })],
    ['meeting.timetable_changed', timetableTemplates[language].changed(timetable)],
    ['reminder.session', reminderTemplates[language].session({ ...session, role: 'enrolled' })],
    ['reminder.session (speaker)', reminderTemplates[language].session({ ...session, role: 'speaker' })],
    ['reminder.meeting', reminderTemplates[language].meeting({ ...session, table: '12', counterparts: ['Li Wei (Hi-tech Zone)'] })],
    ['reminder.closing', reminderTemplates[language].closing({ ...session, status: 'pending_approval', closesAt: '1 June 2019 at 10:30' })],
    ['reminder.closing (waitlisted)', reminderTemplates[language].closing({ ...session, status: 'waitlisted', closesAt: '1 June 2019 at 10:30' })],
    [
      'mou.milestone_due',
      milestoneTemplates[language].reminder({
        ownerName: 'Ana García',
        milestoneTitle: 'Study',
        dueOn: '1',
        mou: { reference: 'MOU-1', title: 'E-mobility' },
        pilotProject: 'Pilot',
      }),
    ],
    ...(['owner', 'responsible'] as const).map((role): [string, MailText] => [
      `action_plan.milestone_reminder_due (${role})`,
      milestoneReminderTemplates[language].reminder({
        recipientName: 'Ana García',
        role,
        milestoneTitle: 'Study',
        dueOn: '1',
        planTitle: 'UCAP',
        pilotProject: role === 'owner' ? null : 'Pilot',
      }),
    ]),
    // An organiser writes a broadcast's subject and body per language; the sample's differ so.
    [
      'broadcast',
      broadcastTemplates[language].broadcast({ name: 'Ana García', missionTitle: mission.title, subject: `Coach (${language})`, body: 'At 7:30.' }),
    ],
  ];
}

describe.each([...mailLanguages])('every kind in %s', (language) => {
  it('composes from a sample view, every placeholder filled', () => {
    for (const [name, mail] of everyMail(language)) {
      expect({ name, subject: mail.subject }).toEqual({ name, subject: expect.stringMatching(/\S/) });
      for (const text of [mail.subject, ...mail.paragraphs])
        expect({ name, text }).toEqual({ name, text: expect.not.stringMatching(/[{}#]|\bundefined\b|\bnull\b/) });
    }
  });

  it('writes its own words, not English ones', () => {
    if (language === 'en') return;
    const english = new Map(everyMail('en'));
    for (const [name, mail] of everyMail(language)) expect({ name, subject: mail.subject }).not.toEqual({ name, subject: english.get(name)!.subject });
  });
});
