import { createEvent, type EventData, type EventType, type Producer } from '#contracts';
import { randomUUID } from 'node:crypto';
import { MissionReportBuilder, type LoggedCloudEvent } from './mission-report.rules.js';

const missionId = randomUUID();
const at = (minute: number) => new Date(Date.UTC(2019, 5, 10, 8, minute)).toISOString();

function event<T extends EventType>(producer: Producer, type: T, data: EventData<T>, minute: number): LoggedCloudEvent {
  return createEvent(producer, type, data, { subject: 'report', missionId, time: new Date(at(minute)) });
}

const mission = {
  code: 'EU-CN-2019',
  title: 'EU Smart Cities mission to Chengdu and Liuzhou',
  startsOn: '2019-06-10',
  endsOn: '2019-06-15',
  timezone: 'Asia/Shanghai',
};

function registration(
  type: 'registration.confirmed' | 'registration.waitlisted' | 'registration.cancelled',
  id: string,
  name: [string, string],
  delegation: { id: string | null; name: string | null },
  minute: number,
  category: string | null = 'delegate',
) {
  const status = type.slice('registration.'.length) as 'confirmed' | 'waitlisted' | 'cancelled';
  return event(
    'registration',
    type,
    {
      registrationId: id,
      missionId,
      status,
      previousStatus: null,
      waitlistPosition: status === 'waitlisted' ? 1 : null,
      participant: {
        email: `${name[0].toLowerCase()}@example.org`,
        givenName: name[0],
        familyName: name[1],
        jobTitle: null,
        preferredLanguage: 'es',
        timezone: 'Europe/Madrid',
        organisation: { name: `${name[1]} City Council`, type: 'city', country: 'ES' },
        delegation: delegation.name,
        delegationId: delegation.id,
      },
      category: category ? { categoryId: randomUUID(), code: category } : null,
      mission: { code: mission.code, title: mission.title, startsOn: mission.startsOn, endsOn: mission.endsOn, timezone: mission.timezone },
      reason: null,
      occurredAt: at(minute),
    },
    minute,
  );
}

function delegation(id: string, name: string, precedence: number, parentId: string | null, headRegistrationId: string | null = null) {
  return event(
    'registration',
    'delegation.saved',
    {
      delegationId: id,
      missionId,
      name,
      names: { en: name },
      country: 'DE',
      city: null,
      parentId,
      headRegistrationId,
      precedence,
      quota: null,
      occurredAt: at(0),
    },
    0,
  );
}

function session(id: string, title: string, startHour: number, endHour: number, parentSessionId: string | null = null) {
  const day = (hour: number) => new Date(Date.UTC(2019, 5, 12, hour)).toISOString();
  return event(
    'scheduling',
    'session.scheduled',
    {
      sessionId: id,
      missionId,
      kind: parentSessionId ? 'panel_discussion' : 'forum',
      title,
      startsAt: day(startHour),
      endsAt: day(endHour),
      timezone: 'Asia/Shanghai',
      venue: { name: 'Century City', city: 'Chengdu', timezone: 'Asia/Shanghai' },
      capacity: null,
      parentSessionId,
    },
    1,
  );
}

function enrolment(type: 'enrolment.confirmed' | 'enrolment.waitlisted', sessionId: string, registrationId: string) {
  return event('scheduling', type, { enrolmentId: randomUUID(), sessionId, missionId, registrationId, waitlistPosition: null }, 2);
}

describe('the mission report', () => {
  const [stuttgart, ludwigsburg, barcelona] = [randomUUID(), randomUUID(), randomUUID()];
  const [anna, jonas, laia, pere, marta] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [forum, panel] = [randomUUID(), randomUUID()];

  function seeded() {
    const events = [
      event('scheduling', 'mission.created', { missionId, ...mission, cities: [], themes: [] }, 0),
      delegation(stuttgart, 'Stuttgart Region', 4, null, anna),
      delegation(ludwigsburg, 'Ludwigsburg', 1, stuttgart),
      delegation(barcelona, 'Barcelona', 1, null),
      registration('registration.confirmed', anna, ['Anna', 'Keller'], { id: stuttgart, name: 'Stuttgart Region' }, 3),
      registration('registration.confirmed', jonas, ['Jonas', 'Weber'], { id: ludwigsburg, name: 'Ludwigsburg' }, 3),
      // An older registration names its delegation only, in another case.
      registration('registration.confirmed', laia, ['Laia', 'Puig'], { id: null, name: 'barcelona' }, 3, 'press'),
      registration('registration.waitlisted', pere, ['Pere', 'Vila'], { id: barcelona, name: 'Barcelona' }, 3),
      registration('registration.confirmed', marta, ['Marta', 'Rossi'], { id: null, name: null }, 3, null),
      session(forum, 'EU-China Smart Cities Forum', 1, 8),
      session(panel, 'Panel 1: smart mobility', 2, 3, forum),
      enrolment('enrolment.confirmed', forum, anna),
      enrolment('enrolment.confirmed', forum, jonas),
      enrolment('enrolment.waitlisted', panel, laia),
      event('registration', 'participant.checked_in', { registrationId: anna, missionId, checkedInAt: at(10) }, 10),
    ];
    return events;
  }

  function report(events: LoggedCloudEvent[]) {
    const builder = new MissionReportBuilder(missionId);
    events.forEach((logged, index) => builder.add(logged, index + 1));
    return builder.build();
  }

  it('groups confirmed participants by delegation, sub-delegations under their parent, in order of precedence', () => {
    const built = report(seeded());
    expect(built.mission?.title).toBe(mission.title);
    expect(built.delegations.map((row) => row.name)).toEqual(['Barcelona', 'Stuttgart Region']);
    const region = built.delegations[1]!;
    expect(region.head).toBe('Anna Keller');
    expect(region.members.map((person) => person.name)).toEqual(['Anna Keller']);
    expect(region.subDelegations.map((sub) => [sub.name, sub.members.map((person) => person.name)])).toEqual([['Ludwigsburg', ['Jonas Weber']]]);
    expect(region.confirmed).toBe(2);
    // Matched by name, case aside; the waitlisted Pere is no member yet.
    expect(built.delegations[0]!.members.map((person) => person.name)).toEqual(['Laia Puig']);
    expect(built.withoutDelegation.map((person) => person.name)).toEqual(['Marta Rossi']);
  });

  it('counts participants by status and category, and who checked in', () => {
    const { participants } = report(seeded());
    expect(participants).toMatchObject({ total: 5, byStatus: { confirmed: 4, waitlisted: 1 }, checkedIn: 1 });
    expect(participants.byCategory).toEqual([
      { code: 'delegate', confirmed: 2, total: 3 },
      { code: 'press', confirmed: 1, total: 1 },
      { code: null, confirmed: 1, total: 1 },
    ]);
  });

  it('lists the programme with its nesting, enrolments and attendance', () => {
    const { programme } = report(seeded());
    expect(programme.map(({ title, parentSessionId, enrolled, waitlisted, attended }) => ({ title, parentSessionId, enrolled, waitlisted, attended }))).toEqual(
      [
        { title: 'EU-China Smart Cities Forum', parentSessionId: null, enrolled: 2, waitlisted: 0, attended: 1 },
        { title: 'Panel 1: smart mobility', parentSessionId: forum, enrolled: 0, waitlisted: 1, attended: 0 },
      ],
    );
  });

  it('keeps the newest state of each aggregate whatever order the log received them in', () => {
    const cancelled = registration('registration.cancelled', jonas, ['Jonas', 'Weber'], { id: ludwigsburg, name: 'Ludwigsburg' }, 20);
    const events = seeded();
    // The cancellation was logged before the confirmation it follows.
    const built = report([...events.slice(0, 4), cancelled, ...events.slice(4)]);
    expect(built.participants.byStatus).toMatchObject({ confirmed: 3, cancelled: 1 });
    expect(built.delegations[1]!.subDelegations[0]!.members).toEqual([]);
  });

  it('names who met whom, group meetings side by side, and lists the MoUs signed', () => {
    const meetingId = randomUUID();
    const mouId = randomUUID();
    const slot = { startsAt: at(30), endsAt: at(50), table: 'T1' };
    const meeting = { meetingId, missionId, requesterId: anna, inviteeId: laia, priority: 3, slot };
    const built = report([
      ...seeded(),
      event('scheduling', 'meeting.accepted', { ...meeting, slot: null }, 11),
      event(
        'scheduling',
        'meeting.scheduled',
        {
          ...meeting,
          outcome: 'held',
          attendees: [
            { registrationId: anna, side: 'requester' },
            { registrationId: jonas, side: 'requester' },
            { registrationId: laia, side: 'invitee' },
          ],
        },
        12,
      ),
      event(
        'mou-registry',
        'mou.drafted',
        { mouId, reference: 'MOU-2019-0001', missionId, title: 'Smart mobility', status: 'draft', visibility: 'public', parties: [] },
        13,
      ),
      event(
        'mou-registry',
        'mou.status_changed',
        {
          mouId,
          reference: 'MOU-2019-0001',
          missionId,
          title: 'Smart mobility',
          status: 'signed',
          visibility: 'public',
          parties: [{ name: 'Chengdu', kind: 'city', country: 'CN' }],
          previousStatus: 'negotiating',
          changedBy: 'organiser',
          changedAt: at(14),
        },
        14,
      ),
    ]);
    expect(built.meetings).toMatchObject({ byStatus: { accepted: 1 }, held: 1, noShow: 0 });
    expect(built.meetings.list).toEqual([
      { meetingId, startsAt: slot.startsAt, requester: ['Anna Keller', 'Jonas Weber'], invitee: ['Laia Puig'], outcome: 'held' },
    ]);
    expect(built.mous.byStatus).toEqual({ signed: 1 });
    expect(built.mous.signed.map((mou) => [mou.reference, mou.parties.map((party) => party.name)])).toEqual([['MOU-2019-0001', ['Chengdu']]]);
  });

  it('lists action plans with their pilot projects, each indicator at its latest report', () => {
    const planId = randomUUID();
    const projectId = randomUUID();
    const plan = {
      planId,
      missionId,
      title: 'UCAP Chengdu-Barcelona',
      scope: 'city_pair' as const,
      cities: [
        { name: 'Chengdu', country: 'CN' },
        { name: 'Barcelona', country: 'ES' },
      ],
      theme: 'urban data',
      status: 'draft' as const,
      visibility: 'public' as const,
      pilotProjects: 2,
      pilotProjectsWithMou: 1,
    };
    const progress = (value: number, asOf: string, minute: number) =>
      event(
        'mou-registry',
        'action_plan.pilot_project_progress',
        {
          planId,
          missionId,
          planTitle: plan.title,
          pilotProject: { pilotProjectId: projectId, title: 'Open data portal', mouId: null, status: 'active' },
          indicator: { indicatorId: projectId, name: 'Datasets published', unit: 'datasets', baseline: 0, target: 100 },
          reportId: randomUUID(),
          value,
          asOf,
          progress: value / 100,
          note: null,
          reportedAt: at(minute),
        },
        minute,
      );
    const built = report([
      event('mou-registry', 'action_plan.drafted', plan, 20),
      event(
        'mou-registry',
        'action_plan.status_changed',
        { ...plan, status: 'approved', previousStatus: 'submitted', changedBy: 'organiser', changedAt: at(22) },
        22,
      ),
      // A report of an earlier date, entered later, does not replace the latest.
      progress(40, '2019-12-01', 23),
      progress(25, '2019-09-01', 24),
    ]);
    expect(built.actionPlans).toEqual([
      {
        planId,
        title: 'UCAP Chengdu-Barcelona',
        scope: 'city_pair',
        cities: ['Chengdu', 'Barcelona'],
        status: 'approved',
        pilotProjects: 2,
        pilotProjectsWithMou: 1,
        progress: [
          {
            pilotProjectId: projectId,
            title: 'Open data portal',
            mouId: null,
            indicators: [{ name: 'Datasets published', unit: 'datasets', baseline: 0, target: 100, value: 40, asOf: '2019-12-01', progress: 0.4 }],
          },
        ],
      },
    ]);
  });

  it('shows an erased participant without their name', () => {
    const events = seeded().map((logged) =>
      logged.type === 'registration.confirmed' && (logged.data as { registrationId: string }).registrationId === jonas
        ? { ...logged, data: { ...logged.data, participant: { erased: true } } }
        : logged,
    ) as LoggedCloudEvent[];
    const region = report(events).delegations[1]!;
    expect(report(events).withoutDelegation.map((person) => person.name)).toEqual(['Erased participant', 'Marta Rossi']);
    expect(region.subDelegations[0]!.members).toEqual([]);
  });

  it('is empty for a mission with no events', () => {
    expect(report([])).toMatchObject({ position: 0, mission: null, participants: { total: 0 }, delegations: [], programme: [] });
  });
});
