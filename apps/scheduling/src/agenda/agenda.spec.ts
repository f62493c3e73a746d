import ICAL from 'ical.js';
import type { Session } from '../programme/session.js';
import type { Venue } from '../programme/venue.js';
import { agendaOf, publicProgramme, toCalendar, type AgendaEnrolment } from './agenda.js';

const released = new Date('2019-06-01T00:00:00Z');
const venue = {
  id: 'v-1',
  missionId: 'm',
  name: 'Tianfu Software Park',
  names: {},
  address: '1366 Tianfu Avenue',
  city: 'Chengdu',
  timezone: 'Asia/Shanghai',
  latitude: null,
  longitude: null,
} as Venue;
const venues = new Map([[venue.id, venue]]);

function session(id: string, overrides: Partial<Session> = {}): Session {
  return {
    id,
    missionId: 'm',
    kind: 'site_visit',
    title: `Session ${id}`,
    description: null,
    startsAt: new Date('2019-06-10T01:00:00Z'),
    endsAt: new Date('2019-06-10T03:00:00Z'),
    venueId: venue.id,
    route: null,
    hostEvent: null,
    capacity: null,
    parentSessionId: null,
    roomId: null,
    titles: {},
    descriptions: {},
    languages: ['en'],
    interpretation: [],
    audience: { kind: 'all' },
    speakers: [],
    status: 'active',
    cancellationReason: null,
    releasedAt: released,
    sequence: 0,
    createdAt: released,
    updatedAt: released,
    ...overrides,
  };
}

const ana = { registrationId: 'r-ana', delegation: 'Barcelona', timezone: 'Europe/Madrid' };

describe('a participant’s agenda', () => {
  it('holds their seats, waits, talks and transfers, released only, in time order, on both wall clocks', () => {
    const sessions = [
      session('late', { startsAt: new Date('2019-06-11T01:00:00Z'), endsAt: new Date('2019-06-11T02:00:00Z') }),
      session('seat'),
      session('waiting', { startsAt: new Date('2019-06-10T05:00:00Z'), endsAt: new Date('2019-06-10T06:00:00Z') }),
      session('talk', { kind: 'forum', speakers: [{ role: 'speaker', name: 'Ana', registrationId: 'r-ana' }] }),
      session('train', {
        kind: 'transfer',
        venueId: null,
        route: { from: 'Chengdu', to: 'Liuzhou' },
        audience: { kind: 'delegations', delegations: ['Barcelona'] },
      }),
      session('other-train', {
        kind: 'transfer',
        venueId: null,
        route: { from: 'Chengdu', to: 'Liuzhou' },
        audience: { kind: 'delegations', delegations: ['Rome'] },
      }),
      session('draft', { releasedAt: null }),
      session('elsewhere'),
    ];
    const enrolments = new Map<string, AgendaEnrolment>([
      ['seat', { id: 'e-seat', status: 'confirmed' }],
      ['waiting', { id: 'e-waiting', status: 'waitlisted' }],
      ['late', { id: 'e-late', status: 'confirmed' }],
      ['draft', { id: 'e-draft', status: 'confirmed' }],
    ]);
    const agenda = agendaOf(ana, sessions, enrolments, venues, 'Asia/Shanghai');
    expect(agenda.map((entry) => [entry.sessionId, entry.role, entry.enrolmentId])).toEqual([
      ['seat', 'enrolled', 'e-seat'],
      ['talk', 'speaker', null],
      ['train', 'travelling', null],
      ['waiting', 'waitlisted', 'e-waiting'],
      ['late', 'enrolled', 'e-late'],
    ]);
    expect(agenda[0]).toMatchObject({
      participantTime: { timezone: 'Europe/Madrid', startsAt: '2019-06-10T03:00:00+02:00' },
      venueTime: { timezone: 'Asia/Shanghai', startsAt: '2019-06-10T09:00:00+08:00' },
    });
  });

  it('leaves sessions by invitation out of the public programme', () => {
    const programme = publicProgramme([session('open'), session('private', { audience: { kind: 'invitation', registrationIds: ['r-ana'] } })], venues, 'UTC');
    expect(programme.map((entry) => entry.sessionId)).toEqual(['open']);
  });

  it('is an iCalendar feed with stable UIDs and the sessions’ SEQUENCE, cancelled and waitlisted ones marked', () => {
    const sessions = [
      session('seat', { sequence: 3, status: 'cancelled' }),
      session('waiting', { startsAt: new Date('2019-06-10T05:00:00Z'), endsAt: new Date('2019-06-10T06:00:00Z') }),
    ];
    const entries = agendaOf(
      ana,
      sessions,
      new Map([
        ['seat', { id: 'e-seat', status: 'confirmed' }],
        ['waiting', { id: 'e-waiting', status: 'waitlisted' }],
      ] as const),
      venues,
      'UTC',
    );
    const feed = toCalendar('CN-2019 — my agenda', entries, new Map(sessions.map((entry) => [entry.id, entry.updatedAt])));
    const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
    expect(events.map((event) => [event.getFirstPropertyValue('uid'), event.getFirstPropertyValue('sequence'), event.getFirstPropertyValue('status')])).toEqual(
      [
        ['seat@mission-hub', 3, 'CANCELLED'],
        ['waiting@mission-hub', 0, 'TENTATIVE'],
      ],
    );
    expect(String(events[0].getFirstPropertyValue('location'))).toContain('Tianfu Software Park');
    expect(toCalendar('again', entries, new Map(sessions.map((entry) => [entry.id, entry.updatedAt])))).toContain('UID:seat@mission-hub');
  });

  it('puts the participant’s placed meetings in the feed, one event each with a stable UID', () => {
    const meeting = {
      meetingId: 'm1',
      startsAt: '2019-06-10T01:00:00.000Z',
      endsAt: '2019-06-10T01:30:00.000Z',
      table: 4,
      venue: { name: 'Tianfu Software Park', city: 'Chengdu' },
      sequence: 12,
      updatedAt: new Date('2019-06-01T00:00:00Z'),
    };
    const feed = toCalendar('CN-2019 — my agenda', [], new Map(), [meeting]);
    const [event] = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
    expect([event.getFirstPropertyValue('uid'), event.getFirstPropertyValue('sequence'), event.getFirstPropertyValue('summary')]).toEqual([
      'm1@mission-hub',
      12,
      'B2B meeting, table 4',
    ]);
    expect(String(event.getFirstPropertyValue('location'))).toBe('Tianfu Software Park, Chengdu');
  });
});

describe('the programme’s structure in agendas', () => {
  const forum = session('forum', { kind: 'forum', title: 'EU-China Forum', titles: { zh: '中欧论坛' }, endsAt: new Date('2019-06-10T05:00:00Z') });
  const panel = (id: string, hour: number) =>
    session(id, {
      kind: 'panel_discussion',
      parentSessionId: 'forum',
      startsAt: new Date(`2019-06-10T0${hour}:00:00Z`),
      endsAt: new Date(`2019-06-10T0${hour + 1}:00:00Z`),
    });
  const lunch = session('lunch', { kind: 'reception', startsAt: new Date('2019-06-10T02:00:00Z'), endsAt: new Date('2019-06-10T03:00:00Z') });

  it('puts each session’s panels right after it, names their parent and depth, in the caller’s language', () => {
    const programme = publicProgramme([panel('p2', 3), lunch, panel('p1', 1), forum], venues, 'UTC', { accepted: ['zh'] });
    expect(programme.map((entry) => [entry.sessionId, entry.depth, entry.parent?.title ?? null])).toEqual([
      ['forum', 0, null],
      ['p1', 1, '中欧论坛'],
      ['p2', 1, '中欧论坛'],
      ['lunch', 0, null],
    ]);
    expect(programme[0]!.title).toBe('中欧论坛');
    // A participant at one panel only: the panel by its own time, its forum still named.
    const agenda = agendaOf(ana, [forum, panel('p1', 1)], new Map([['p1', { id: 'e-p1', status: 'confirmed' }]] as const), venues, 'UTC');
    expect(agenda.map((entry) => [entry.sessionId, entry.parent?.title ?? null])).toEqual([['p1', 'EU-China Forum']]);
  });

  it('relates a panel to its forum in the feed (RELATED-TO, RELTYPE=PARENT)', () => {
    const sessions = [forum, panel('p1', 1)];
    const feed = toCalendar('CN-2019', publicProgramme(sessions, venues, 'UTC'), new Map());
    const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
    const [forumEvent, panelEvent] = events;
    expect(forumEvent!.getFirstPropertyValue('related-to')).toBeNull();
    expect(panelEvent!.getFirstPropertyValue('related-to')).toBe('forum@mission-hub');
    expect(panelEvent!.getFirstProperty('related-to')!.getParameter('reltype')).toBe('PARENT');
    expect(String(panelEvent!.getFirstPropertyValue('description'))).toContain('Part of EU-China Forum');
  });
});
