import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runDemo } from '../scripts/demo/demo-run.js';
import { call, listAll } from './support/api.js';
import { eventually } from './support/eventually.js';
import { expectNoSeriousA11yViolations, useBrowser } from './support/browser.js';
import { JWT_SECRET, useSystem } from './support/system.js';
import { useWeb } from './support/web.js';

const GIEF = 'Chengdu Global Innovation and Entrepreneurship Fair (GIEF)';

describe('npm run demo', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'mou-registry', 'dashboard'] });
  const web = useWeb(system);
  const browsers = useBrowser();
  // The token `npm run demo` mints for itself: the same organiser, so that its create calls' keys are the same too.
  const token = () => system.organiserToken(['*'], 'demo@mission-hub.local');
  const urls = () => ({ registration: system.url('registration'), scheduling: system.url('scheduling'), 'mou-registry': system.url('mou-registry') });

  /** What the demo leaves behind, counted through the public APIs. */
  async function countsOf(missionId: string) {
    const scheduling = `${system.url('scheduling')}/api/missions/${missionId}`;
    const sessions = await listAll(`${scheduling}/sessions`, token());
    const enrolments = await Promise.all(sessions.map(async (session) => (await listAll(`${scheduling}/sessions/${session.id}/enrolments`, token())).length));
    const mous = await listAll(`${system.url('mou-registry')}/api/mous?mission=${missionId}`, token());
    const followUp = await Promise.all(
      mous.map(async (mou) => {
        const url = `${system.url('mou-registry')}/api/mous/${mou.id}`;
        const [projects, milestones, detail] = await Promise.all([
          call(`${url}/pilot-projects`, { token: token() }),
          call(`${url}/milestones`, { token: token() }),
          call(url, { token: token() }),
        ]);
        return { projects: projects.body.length, milestones: milestones.body.length, versions: detail.body.versions.length };
      }),
    );
    const plans = (await call(`${system.url('mou-registry')}/api/action-plans?missionId=${missionId}`, { token: token() })).body as {
      id: string;
    }[];
    const planDetails = await Promise.all(
      plans.map(async (plan) => (await call(`${system.url('mou-registry')}/api/action-plans/${plan.id}`, { token: token() })).body),
    );
    const indicators = planDetails.flatMap((plan) => plan.pilotProjects.flatMap((project: { indicators: { reports: unknown[] }[] }) => project.indicators));
    return {
      delegations: (await call(`${system.url('registration')}/api/missions/${missionId}/delegations`, { token: token() })).body.items.length,
      categories: (await call(`${system.url('registration')}/api/missions/${missionId}/categories`, { token: token() })).body.items.length,
      actionPlans: plans.length,
      planPilotProjects: planDetails.reduce((total, plan) => total + plan.pilotProjects.length, 0),
      planMilestones: planDetails.reduce((total, plan) => total + plan.milestones.length, 0),
      indicators: indicators.length,
      indicatorReports: indicators.reduce((total, indicator) => total + indicator.reports.length, 0),
      missions: (await listAll(`${system.url('scheduling')}/api/missions`, token())).length,
      registrations: (await listAll(`${system.url('registration')}/api/missions/${missionId}/registrations`, token())).length,
      venues: (await call(`${scheduling}/venues`, { token: token() })).body.items.length,
      sessions: sessions.length,
      releases: (await call(`${scheduling}/schedule/releases`, { token: token() })).body.items.length,
      enrolments: enrolments.reduce((total, count) => total + count, 0),
      profiles: (await listAll(`${scheduling}/matchmaking/profiles`, token())).length,
      meetings: (await listAll(`${scheduling}/meetings`, token())).length,
      mous: mous.length,
      pilotProjects: followUp.reduce((total, one) => total + one.projects, 0),
      milestones: followUp.reduce((total, one) => total + one.milestones, 0),
      versions: followUp.reduce((total, one) => total + one.versions, 0),
    };
  }

  it('creates the Chengdu-Liuzhou mission through the APIs, and a second run creates nothing', async () => {
    const progress: string[] = [];
    const first = await runDemo({ urls: urls(), organiserToken: token(), keySecret: JWT_SECRET, log: (line) => progress.push(line) });
    expect(first.skipped).toEqual([]);
    expect(progress).toContain('  + mission: EU-SC-CN-2019 EU Smart Cities mission to Chengdu and Liuzhou');
    const { missionId } = first;

    const [mission] = (await call(`${system.url('scheduling')}/api/missions`, { token: token() })).body.items;
    expect(mission).toMatchObject({ id: missionId, code: 'EU-SC-CN-2019', startsOn: '2019-06-09', endsOn: '2019-06-15', timezone: 'Asia/Shanghai' });
    expect(mission.cities.map((city: { name: string }) => city.name)).toEqual(['Chengdu', 'Liuzhou']);

    // Registrations per delegation and per category, everyone confirmed, each with their answers; Ludwigsburg travels within the Stuttgart Region.
    const registrations = await listAll(`${system.url('registration')}/api/missions/${missionId}/registrations`, token());
    const perDelegation: Record<string, number> = {};
    for (const registration of registrations) perDelegation[registration.delegation] = (perDelegation[registration.delegation] ?? 0) + 1;
    expect(perDelegation).toEqual({ Barcelona: 4, Granada: 3, Rome: 3, 'Stuttgart Region': 3, Ludwigsburg: 2, 'EU staff': 2, 'Chinese hosts': 12 });
    expect(registrations.every((registration) => registration.status === 'confirmed')).toBe(true);
    // The delegations as a resource: in order of precedence, each with its head; Ludwigsburg within the Stuttgart Region, counted in it.
    const delegations = (await call(`${system.url('registration')}/api/missions/${missionId}/delegations`, { token: token() })).body.items;
    const headOf = (email: string) => registrations.find((registration) => registration.email === email).id;
    expect(delegations.map((delegation: { name: string; country: string }) => [delegation.name, delegation.country])).toEqual([
      ['Barcelona', 'ES'],
      ['Granada', 'ES'],
      ['Rome', 'IT'],
      ['Stuttgart Region', 'DE'],
      ['Ludwigsburg', 'DE'],
      ['EU staff', 'EU'],
      ['Chinese hosts', 'CN'],
    ]);
    const stuttgart = delegations.find((delegation: { name: string }) => delegation.name === 'Stuttgart Region');
    const ludwigsburgDelegation = delegations.find((delegation: { name: string }) => delegation.name === 'Ludwigsburg');
    expect(stuttgart).toMatchObject({
      parentId: null,
      headRegistrationId: headOf('katrin.schaefer@example.org'),
      quota: 10,
      withSubDelegations: { confirmed: 5 },
    });
    expect(ludwigsburgDelegation).toMatchObject({
      parentId: stuttgart.id,
      headRegistrationId: headOf('stefan.hoffmann@example.org'),
      registrations: { confirmed: 2 },
    });
    expect(
      registrations.filter((registration) => registration.organisation.name === 'City of Ludwigsburg').map((one) => [one.delegation, one.delegationId]),
    ).toEqual([
      ['Ludwigsburg', ludwigsburgDelegation.id],
      ['Ludwigsburg', ludwigsburgDelegation.id],
    ]);
    const perCategory: Record<string, number> = {};
    for (const registration of registrations) perCategory[registration.category.code] = (perCategory[registration.category.code] ?? 0) + 1;
    expect(perCategory).toEqual({ delegate: 15, host: 12, staff: 2 });
    const lucia = registrations.find((registration) => registration.email === 'lucia.fernandez@example.org');
    expect(lucia.answers).toEqual({ diet: 'vegetarian', arrival: '2019-06-09' });
    expect(registrations.find((registration) => registration.email === 'wei.ming@example.cn').answers).toEqual({ diet: 'none' });
    const categories = (await call(`${system.url('registration')}/api/missions/${missionId}/categories`, { token: token() })).body.items;
    expect(categories.map((category: { code: string; capacity: number }) => [category.code, category.capacity])).toEqual([
      ['delegate', 40],
      ['host', 30],
      ['staff', 8],
    ]);
    expect(new Set(registrations.map((registration) => registration.preferredLanguage))).toEqual(new Set(['es', 'ca', 'it', 'de', 'en', 'zh-CN']));

    // The forum, a side event of GIEF, holding its three panels in its hall; the transfer; the visits.
    const sessions = await listAll(`${system.url('scheduling')}/api/missions/${missionId}/sessions`, token());
    expect(sessions.every((session) => session.released && session.status === 'active')).toBe(true);
    const forum = sessions.find((session) => session.title === 'EU-China forum on smart city and innovation');
    expect(forum).toMatchObject({ kind: 'side_event', hostEvent: GIEF, parentSessionId: null, room: { name: 'Forum hall', capacity: 300 } });
    const panels = sessions.filter((session) => session.kind === 'panel_discussion');
    expect(panels).toHaveLength(3);
    for (const panel of panels) {
      expect(panel).toMatchObject({ parentSessionId: forum.id, venue: { id: forum.venue.id }, room: { id: forum.room.id } });
      expect(Date.parse(panel.startsAt)).toBeGreaterThanOrEqual(Date.parse(forum.startsAt));
      expect(Date.parse(panel.endsAt)).toBeLessThanOrEqual(Date.parse(forum.endsAt));
    }
    // Enrolled in the forum and in its panels at once: no schedule conflict.
    const scheduling = `${system.url('scheduling')}/api/missions/${missionId}`;
    const enrolledIn = async (session: { id: string }) =>
      new Set((await listAll(`${scheduling}/sessions/${session.id}/enrolments`, token())).map((enrolment) => enrolment.registrationId));
    const zhang = registrations.find((registration) => registration.email === 'zhang.wei@example.cn').id;
    expect((await enrolledIn(forum)).has(zhang)).toBe(true);
    expect((await enrolledIn(panels[0])).has(zhang)).toBe(true);
    expect(sessions.find((session) => session.kind === 'transfer')).toMatchObject({ route: { from: 'Chengdu', to: 'Liuzhou' } });
    const visits = sessions.filter((session) => session.kind === 'site_visit').map((session) => session.venue.name);
    expect(visits).toEqual([
      'Jingronghui high-tech business incubation plaza',
      'Science City Planning Hall',
      'Xinglong Lake',
      'Chengdu Energy Internet Institute of Tsinghua University',
      'Liudong New District',
      'Northern Ecological District',
    ]);

    // Every meeting asked for was accepted and placed by the run, in the block, and recorded as held.
    const block = sessions.find((session) => session.kind === 'b2b_meeting_block');
    const meetings = await listAll(`${system.url('scheduling')}/api/missions/${missionId}/meetings`, token());
    expect(meetings).toHaveLength(11);
    for (const meeting of meetings) {
      expect(meeting).toMatchObject({ status: 'accepted', outcome: 'held' });
      expect(Date.parse(meeting.slot.startsAt)).toBeGreaterThanOrEqual(Date.parse(block.startsAt));
      expect(Date.parse(meeting.slot.endsAt)).toBeLessThanOrEqual(Date.parse(block.endsAt));
    }
    // Barcelona's public works and innovation people with LiuGong Group's team: one group meeting, placed with all five free.
    const group = meetings.filter((meeting) => meeting.attendees.length > 2);
    expect(group).toHaveLength(1);
    // Each side's lead first, then the rest by registration id, which differs from run to run: compared in order of name.
    const sides = group[0].attendees.map((attendee: { side: string; organisation: string }) => [attendee.side, attendee.organisation]);
    expect(sides.slice(0, 1)).toEqual([['requester', 'Ajuntament de Barcelona']]);
    expect([...sides].sort((a: string[], b: string[]) => b[0]!.localeCompare(a[0]!) || a[1]!.localeCompare(b[1]!))).toEqual([
      ['requester', 'Ajuntament de Barcelona'],
      ['requester', 'Barcelona Activa'],
      ['requester', 'Sensórica Urbana S.L.'],
      ['invitee', 'LiuGong Group'],
      ['invitee', 'LiuGong Group'],
    ]);

    // MoUs signed with their parties and signatories, a version each, and pilot projects with milestones.
    const mous = await listAll(`${system.url('mou-registry')}/api/mous?mission=${missionId}`, token());
    expect(mous.map((mou) => mou.status).sort()).toEqual(['in_force', 'in_force', 'in_force', 'negotiating']);
    const ludwigsburg = mous.find((mou) => mou.title.startsWith('Smart district and e-mobility partnership'));
    const detail = (await call(`${system.url('mou-registry')}/api/mous/${ludwigsburg.id}`, { token: token() })).body;
    expect(detail).toMatchObject({
      signedOn: '2019-06-14',
      signedPlace: 'Liuzhou',
      versions: [expect.objectContaining({ version: 1, signed: expect.anything() })],
    });
    expect(detail.parties.map((party: { name: string }) => party.name)).toEqual(['City of Ludwigsburg', 'Verband Region Stuttgart', 'Liudong New District']);
    expect(detail.signatories).toHaveLength(3);
    const projects = (await call(`${system.url('mou-registry')}/api/mous/${ludwigsburg.id}/pilot-projects`)).body;
    // The MoU's own two, and the action plan's project that carries it out.
    expect(projects.map((project: { title: string }) => project.title)).toEqual([
      'Electric bus depot with smart charging',
      'Smart street lighting in a Liudong neighbourhood',
      'E-mobility living lab in Liudong New District',
    ]);

    // Three meetings led to MoUs: each meeting names its MoU, and the MoU (for organisers) its meeting, once the registry has the outcome.
    const linked = meetings.filter((meeting) => meeting.mouId);
    expect(linked.map((meeting) => mous.find((mou) => mou.id === meeting.mouId).title).sort()).toEqual(
      mous
        .filter((mou) => mou.status === 'in_force')
        .map((mou) => mou.title)
        .sort(),
    );
    const stefanMeeting = linked.find((meeting) => meeting.mouId === ludwigsburg.id);
    expect(stefanMeeting.requester.name).toBe('Stefan Hoffmann');
    const mouMeetings = await eventually(
      async () => {
        const found = (await call(`${system.url('mou-registry')}/api/mous/${ludwigsburg.id}`, { token: token() })).body.meetings;
        return found?.length > 0 ? found : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the MoU registry to list the meeting the MoU came from' },
    );
    expect(mouMeetings).toEqual([expect.objectContaining({ meetingId: stefanMeeting.id, outcome: 'held' })]);

    // The UCAP: two pilot projects, one carrying out the MoU and one without, each with indicators and a progress report.
    const [planSummary] = (await call(`${system.url('mou-registry')}/api/action-plans?missionId=${missionId}`, { token: token() })).body;
    const plan = (await call(`${system.url('mou-registry')}/api/action-plans/${planSummary.id}`, { token: token() })).body;
    expect(plan).toMatchObject({ title: 'UCAP Ludwigsburg – Liuzhou: a smart and low-carbon district', scope: 'city_pair', status: 'in_implementation' });
    expect(plan.authors.map((author: { name: string }) => author.name)).toEqual(['Stefan Hoffmann', '李强', 'Daniel Murphy']);
    expect(plan.pilotProjects.map((project: { title: string; mouId: string | null }) => [project.title, project.mouId])).toEqual([
      ['E-mobility living lab in Liudong New District', ludwigsburg.id],
      ['Energy-efficient retrofit of a Liudong school', null],
    ]);
    const [lab, school] = plan.pilotProjects;
    expect(lab.indicators.map((indicator: { name: string; progress: number }) => [indicator.name, indicator.progress])).toEqual([
      ['Public charging points', 0.3],
      ['Electric share of new vehicles', 0.28],
    ]);
    expect(school.indicators).toMatchObject([{ name: 'Energy use of the school', latest: 1150, progress: 0.125 }]);
    expect(plan.milestones.map((milestone: { title: string; completedAt: string | null }) => [milestone.title, milestone.completedAt !== null])).toEqual([
      ['Living lab opened', true],
      ['Retrofit works tendered', false],
    ]);
    const milestones = (await call(`${system.url('mou-registry')}/api/mous/${ludwigsburg.id}/milestones`)).body;
    expect(milestones).toHaveLength(3);
    expect(milestones.filter((milestone: { completedAt: string | null }) => milestone.completedAt)).toHaveLength(2);

    const before = await countsOf(missionId);
    expect(before).toMatchObject({
      missions: 1,
      registrations: 29,
      venues: 9,
      sessions: 13,
      releases: 1,
      meetings: 11,
      mous: 4,
      pilotProjects: 5,
      delegations: 7,
      categories: 3,
      actionPlans: 1,
      planPilotProjects: 2,
      planMilestones: 2,
      indicators: 3,
      indicatorReports: 3,
      milestones: 6,
    });

    // The second run is `npm run demo` itself, against the same system: it finds everything and creates nothing.
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/scripts/demo.js'], {
      env: {
        ...process.env,
        JWT_SECRET,
        REGISTRATION_URL: system.url('registration'),
        SCHEDULING_URL: system.url('scheduling'),
        MOU_REGISTRY_URL: system.url('mou-registry'),
      },
    });
    expect(stdout).toMatch(/Done: 0 created, \d+ already there\./);
    expect(stdout).not.toMatch(/^\s+\+ /m);
    expect(stdout).toContain('http://127.0.0.1:8080/console');
    expect(stdout).toContain(`npm run token -- --role organiser --missions ${missionId}`);
    expect(await countsOf(missionId)).toEqual(before);

    // The mission report, folded by the dashboard from every service's events: once it has taken them all, it tells what the demo made.
    const report = await eventually(
      async () => {
        const answer = await call(`${system.url('dashboard')}/api/missions/${missionId}/report`, { token: token() });
        if (answer.status !== 200) return undefined;
        const body = answer.body;
        const complete =
          body.participants.byStatus.confirmed === 29 &&
          body.delegations.length === 6 &&
          body.withoutDelegation.length === 0 &&
          body.programme.length === 13 &&
          body.programme.reduce((total: number, session: { enrolled: number }) => total + session.enrolled, 0) === before.enrolments &&
          body.meetings.held === 11 &&
          body.mous.byStatus.in_force === 3 &&
          body.mous.byStatus.negotiating === 1 &&
          body.actionPlans[0]?.status === 'in_implementation' &&
          body.actionPlans[0].pilotProjects === 2 &&
          body.actionPlans[0].progress.flatMap((project: { indicators: unknown[] }) => project.indicators).length === 3;
        return complete ? body : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'the mission report to have every event of the demo' },
    );
    expect(report.mission).toMatchObject({ code: 'EU-SC-CN-2019', title: 'EU Smart Cities mission to Chengdu and Liuzhou' });
    expect(report.participants).toMatchObject({ total: 29, byStatus: { confirmed: 29 } });
    expect(report.delegations.map((delegation: { name: string; head: string }) => [delegation.name, delegation.head])).toEqual([
      ['Barcelona', 'Marta Puig i Ferrer'],
      ['Granada', 'Lucía Fernández Ruiz'],
      ['Rome', 'Giulia Rossi'],
      ['Stuttgart Region', 'Katrin Schäfer'],
      ['EU staff', 'Sophie Laurent'],
      ['Chinese hosts', expect.stringContaining('王')],
    ]);
    const reportedStuttgart = report.delegations.find((delegation: { name: string }) => delegation.name === 'Stuttgart Region');
    expect(reportedStuttgart).toMatchObject({ confirmed: 5, subDelegations: [{ name: 'Ludwigsburg', head: 'Stefan Hoffmann', confirmed: 2 }] });
    expect(reportedStuttgart.subDelegations[0].members.map((member: { name: string }) => member.name).sort()).toEqual(['Anna Becker', 'Stefan Hoffmann']);
    expect(report.withoutDelegation).toEqual([]);
    expect(report.participants.byCategory).toEqual([
      { code: 'delegate', confirmed: 15, total: 15 },
      { code: 'host', confirmed: 12, total: 12 },
      { code: 'staff', confirmed: 2, total: 2 },
    ]);
    const reportedForum = report.programme.find((session: { title: string }) => session.title === 'EU-China forum on smart city and innovation');
    expect(reportedForum).toMatchObject({ sessionId: forum.id, parentSessionId: null, enrolled: 19 });
    expect(
      report.programme
        .filter((session: { parentSessionId: string | null }) => session.parentSessionId === forum.id)
        .map((session: { title: string }) => session.title),
    ).toEqual(panels.map((panel) => panel.title));
    expect(report.meetings.list).toHaveLength(11);
    expect(report.meetings.list.every((meeting: { outcome: string }) => meeting.outcome === 'held')).toBe(true);
    // Names, not ids (a Chinese name family name first); each side's lead first, then the others by name.
    expect(report.meetings.list).toContainEqual(expect.objectContaining({ requester: ['Stefan Hoffmann'], invitee: [expect.stringContaining('李')] }));
    expect(report.meetings.list).toContainEqual(
      expect.objectContaining({
        requester: ['Jordi Casals Vidal', 'Carlos Martínez López', 'Núria Soler Roca'],
        invitee: [expect.stringContaining('韦'), expect.stringContaining('莫')],
      }),
    );
    expect(report.mous.signed).toHaveLength(3);
    expect(report.mous.signed.find((mou: { mouId: string }) => mou.mouId === ludwigsburg.id).parties.map((party: { name: string }) => party.name)).toEqual([
      'City of Ludwigsburg',
      'Verband Region Stuttgart',
      'Liudong New District',
    ]);
    expect(report.actionPlans).toEqual([
      expect.objectContaining({
        planId: plan.id,
        title: 'UCAP Ludwigsburg – Liuzhou: a smart and low-carbon district',
        cities: ['Ludwigsburg', 'Liuzhou'],
        pilotProjects: 2,
        pilotProjectsWithMou: 1,
      }),
    ]);
    expect(report.actionPlans[0].progress.map((project: { title: string; mouId: string | null }) => [project.title, project.mouId]).sort()).toEqual([
      ['E-mobility living lab in Liudong New District', ludwigsburg.id],
      ['Energy-efficient retrofit of a Liudong school', null],
    ]);
    // 40-60 s on the shared machine; three times that when eight engineers' tests run at once.
  }, 240_000);

  it('shows the demo’s mission in the organiser’s console: its delegations, sessions, meetings and MoUs', async () => {
    // Runs it (again, if the test before ran it: then it finds everything) for the mission's id.
    const { missionId } = await runDemo({ urls: urls(), organiserToken: token(), keySecret: JWT_SECRET, log: () => undefined });
    const page = await browsers.newPage();
    await page.goto(`${web.url}/console/sign-in`);
    await page.getByLabel('Organiser token').fill(token());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/console`);
    await expect(page.locator('main').textContent()).resolves.toContain('EU Smart Cities mission to Chengdu and Liuzhou');

    await page.goto(`${web.url}/console/m/${missionId}/registrations?limit=100`);
    const registrations = (await page.locator('main').textContent()) ?? '';
    for (const delegation of ['Barcelona', 'Granada', 'Rome', 'Stuttgart Region', 'EU staff', 'Chinese hosts']) expect(registrations).toContain(delegation);
    expect(registrations).toContain('City of Ludwigsburg');

    await page.goto(`${web.url}/console/m/${missionId}/programme`);
    const programme = (await page.locator('main').textContent()) ?? '';
    for (const title of ['EU-China forum on smart city and innovation', 'Xinglong Lake', 'Liudong New District']) expect(programme).toContain(title);

    await page.goto(`${web.url}/console/m/${missionId}/matchmaking`);
    await expect(page.locator('tr[data-meeting]').count()).resolves.toBe(11);

    await page.goto(`${web.url}/console/m/${missionId}/mous`);
    const mous = (await page.locator('main').textContent()) ?? '';
    expect(mous).toContain('Smart district and e-mobility partnership');
    await expectNoSeriousA11yViolations(page);
  }, 240_000);
});
