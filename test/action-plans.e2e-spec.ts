import { connectionOptions, ensureDatabaseAndSchema, runMigrationsLocked } from '#common';
import { createEvent } from '#contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MilestoneRemindersService } from '../apps/mou-registry/src/action-plans/milestone-reminders.service.js';
import { mouRegistryMigrations } from '../apps/mou-registry/src/migrations/index.js';
import type { MouRegistryOptions } from '../apps/mou-registry/src/mou-registry.module.js';
import { call } from './support/api.js';
import { expectNoSeriousA11yViolations, launchBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { registrationConfirmed } from './support/events.js';
import { TEST_DATABASE_URL, withDatabase } from './support/isolation.js';
import { mouInput } from './support/mou.js';
import { useSystem } from './support/system.js';
import { startWeb } from './support/web.js';

const DAY = 86_400_000;
const missionId = randomUUID();
const delegate = { registrationId: randomUUID(), email: 'laia.puig@example.es', givenName: 'Laia', familyName: 'Puig' };

/**
 * The registry's reminder offsets, which it reads when a milestone is added: the test sets them just
 * before it adds one, so that its reminder comes seconds later on the real clock (no clock is faked).
 */
const offsets: number[] = [];
const registryOptions: MouRegistryOptions = { reminderIntervalMs: 300, reminderOffsetsMs: offsets };
/** Due the day after tomorrow (UTC), whatever the time of the run. */
const dueOn = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
const dueAt = Date.parse(`${dueOn}T00:00:00Z`);
let remindAt = 0;

/** The MoU follow-up as it was before action plans: an MoU with a pilot project and a milestone, written in the old shape. */
const oldMouId = randomUUID();
const oldProjectId = randomUUID();
const oldMilestoneId = randomUUID();

describe('Urban Cooperative Action Plans: pilot projects with and without an MoU, progress, reminders before a milestone is due, erasure', () => {
  const system = useSystem({ services: ['mou-registry', 'notifications'], deferred: ['mou-registry'], mouRegistry: registryOptions });
  let plans: string;
  let token: string;

  beforeAll(async () => {
    // The registry's schema migrated up to the release before action plans, with data written then.
    const schema = system.schemaOf('mou-registry');
    await ensureDatabaseAndSchema(TEST_DATABASE_URL, schema);
    const config = system.config('mou-registry');
    const before = new DataSource({
      type: 'postgres',
      url: TEST_DATABASE_URL,
      schema,
      entities: [],
      migrations: mouRegistryMigrations.filter((migration) => !/ActionPlans/.test(migration.name)),
      migrationsTableName: 'migrations',
      extra: { options: connectionOptions(config), max: 1 },
    });
    await before.initialize();
    try {
      await runMigrationsLocked(before, schema);
    } finally {
      await before.destroy();
    }
    await withDatabase(async (db) => {
      await db.query(
        `INSERT INTO "${schema}".mous (id, reference, mission_id, title, summaries, themes, parties, party_names, party_countries, visibility, status,
           created_by, created_at, updated_at)
         VALUES ($1, 'MOU-2019-0001', $2, 'E-mobility Stuttgart–Liuzhou', '{"en":"E-buses."}', '{e-mobility}',
           '[{"name":"Region Stuttgart","kind":"city","country":"DE"},{"name":"Liuzhou","kind":"city","country":"CN"}]',
           '{region stuttgart,liuzhou}', '{DE,CN}', 'public', 'signed', 'organiser@test', now(), now())`,
        [oldMouId, missionId],
      );
      await db.query(
        `INSERT INTO "${schema}".pilot_projects (id, mou_id, title, lead_party, budget_amount, budget_currency, status, created_at, updated_at)
         VALUES ($1, $2, 'E-bus line 1', 'Liuzhou', 120000, 'EUR', 'running', now(), now())`,
        [oldProjectId, oldMouId],
      );
      await db.query(
        `INSERT INTO "${schema}".milestones (id, mou_id, pilot_project_id, title, due_on, owner_name, owner_email, created_at)
         VALUES ($1, $2, $3, 'Depot built', '2030-01-10', 'Li Wei', 'li.wei@example.cn', now())`,
        [oldMilestoneId, oldMouId, oldProjectId],
      );
    });
    await system.startService('mou-registry');
    plans = `${system.url('mou-registry')}/api/action-plans`;
    token = system.organiserToken([missionId]);

    // The registry learns of the participant from registration.
    const confirmed = registrationConfirmed(missionId, {
      registrationId: delegate.registrationId,
      participant: { email: delegate.email, givenName: delegate.givenName, familyName: delegate.familyName, jobTitle: 'Head of international relations' },
    });
    await system.producer.publish(confirmed);
    await eventually(
      () =>
        withDatabase(async (db) => {
          const { rows } = await db.query(`SELECT 1 FROM "${schema}".participants WHERE registration_id = $1`, [delegate.registrationId]);
          return rows.length === 1;
        }),
      { what: 'the registry to know the participant' },
    );
  }, 120_000);

  /** How many events of a type the registry has ever written for a subject: its outbox holds each once. */
  const written = (type: string, subject: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM "${system.schemaOf('mou-registry')}".outbox WHERE payload->>'type' = $1 AND payload->>'subject' = $2`,
        [type, subject],
      );
      return rows[0].n as number;
    });

  let planId: string;
  let withoutMou: any;
  let milestoneId: string;

  it('keeps the pilot projects and milestones of MoUs written before action plans, answering the old endpoints', async () => {
    const mous = `${system.url('mou-registry')}/api/mous`;
    const projects = await call(`${mous}/${oldMouId}/pilot-projects`);
    expect(projects.status).toBe(200);
    expect(projects.body).toEqual([
      expect.objectContaining({
        id: oldProjectId,
        mouId: oldMouId,
        title: 'E-bus line 1',
        leadParty: 'Liuzhou',
        budget: { amount: 120000, currency: 'EUR' },
        status: 'running',
      }),
    ]);
    const milestones = await call(`${mous}/${oldMouId}/milestones`, { token });
    expect(milestones.body).toEqual([expect.objectContaining({ id: oldMilestoneId, pilotProjectId: oldProjectId, title: 'Depot built', dueOn: '2030-01-10' })]);
  });

  it('records a UCAP with two pilot projects, one without an MoU that counts among no MoUs, with indicators and a progress report', async () => {
    const mous = `${system.url('mou-registry')}/api/mous`;
    const mou = await call(mous, { token, body: mouInput({ missionId, signatories: [] }) });
    expect(mou.status).toBe(201);

    const barcelona = { name: 'Barcelona', country: 'ES' };
    const refused = await call(plans, { token, body: { missionId, title: 'X', scope: 'city_pair', cities: [barcelona, { name: 'Lyon', country: 'FR' }] } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'cities' })]);

    const created = await call(plans, {
      token,
      headers: { 'Idempotency-Key': `plan-${missionId}` },
      body: {
        missionId,
        title: 'Barcelona–Chengdu Urban Cooperative Action Plan',
        scope: 'city_pair',
        cities: [barcelona, { name: 'Chengdu', country: 'CN' }],
        theme: 'smart mobility',
        visibility: 'public',
        authors: [
          { role: 'city_representative', registrationId: delegate.registrationId, organisation: 'Ajuntament de Barcelona' },
          { role: 'cluster_manager', name: 'Zhang Min', organisation: 'Chengdu Foreign Affairs Office', email: 'zhang.min@example.cn' },
        ],
      },
    });
    expect(created.status).toBe(201);
    planId = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', authors: [{ name: 'Laia Puig', email: delegate.email }, { name: 'Zhang Min' }] });
    await system.tap.waitFor('action_plan.drafted', (event) => event.subject === planId);

    const early = await call(`${plans}/${planId}/status`, { token, body: { status: 'submitted' } });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'pilotProjects' })]);

    const withMou = await call(`${plans}/${planId}/pilot-projects`, {
      token,
      body: {
        title: 'Urban data platform',
        mouId: mou.body.id,
        responsible: { name: 'Wang Fang', email: 'wang.fang@example.cn', preferredLanguage: 'zh-CN' },
        partners: ['Barcelona Activa', 'Chengdu Big Data Centre'],
      },
    });
    expect(withMou.status).toBe(201);
    expect(withMou.body).toMatchObject({ mouId: mou.body.id, mouReference: mou.body.reference });
    const overBudget = await call(`${plans}/${planId}/pilot-projects`, {
      token,
      body: { title: 'X', responsible: { name: 'X' }, budget: { amount: 10, currency: 'EUR' }, budgetSources: [{ source: 'City', amount: 11 }] },
    });
    expect(overBudget.body.errors).toEqual([expect.objectContaining({ field: 'budgetSources' })]);
    const alone = await call(`${plans}/${planId}/pilot-projects`, {
      token,
      body: {
        title: 'Electric buses on line 5',
        responsible: { registrationId: delegate.registrationId },
        partners: ['TMB', 'Chengdu Bus Group'],
        means: 'Ten e-buses leased, drivers trained in Barcelona',
        budget: { amount: 2_000_000, currency: 'EUR' },
        budgetSources: [
          { source: 'Ajuntament de Barcelona', amount: 500_000 },
          { source: 'EU IUC programme', amount: 1_200_000 },
        ],
      },
    });
    expect(alone.status).toBe(201);
    expect(alone.body).toMatchObject({ mouId: null, responsible: { name: 'Laia Puig', registrationId: delegate.registrationId }, status: 'planned' });
    withoutMou = alone.body;

    const indicator = await call(`${plans}/${planId}/pilot-projects/${withoutMou.id}/indicators`, {
      token,
      body: { name: 'E-buses in service', unit: 'buses', baseline: 0, target: 10 },
    });
    expect(indicator.status).toBe(201);
    const indicatorId = indicator.body.indicators[0].id;
    await call(`${plans}/${planId}/pilot-projects/${withoutMou.id}/indicators/${indicatorId}/reports`, { token, body: { value: 2, asOf: '2020-03-31' } });
    const report = await call(`${plans}/${planId}/pilot-projects/${withoutMou.id}/indicators/${indicatorId}/reports`, {
      token,
      body: { value: 4, asOf: '2020-06-30', note: 'Two more delivered' },
    });
    expect(report.status).toBe(201);
    expect(report.body.indicators[0]).toMatchObject({
      latest: 4,
      progress: 0.4,
      reports: [
        { value: 2, asOf: '2020-03-31' },
        { value: 4, asOf: '2020-06-30', note: 'Two more delivered' },
      ],
    });
    const progress = await system.tap.waitFor(
      'action_plan.pilot_project_progress',
      (event) => (event.data as any).value === 4 && (event.data as any).planId === planId,
    );
    expect(progress.data).toMatchObject({
      pilotProject: { pilotProjectId: withoutMou.id, mouId: null },
      indicator: { name: 'E-buses in service' },
      progress: 0.4,
    });

    // The plan's project without an MoU made none: the mission has the one MoU it had.
    const register = await call(`${mous}?missionId=${missionId}`, { token });
    expect(register.body.items.map((item: any) => item.id)).toEqual(expect.arrayContaining([mou.body.id]));
    expect(register.body.items).toHaveLength(2); // the one recorded now and the one from before action plans
    const updated = await system.tap.waitFor('action_plan.updated', (event) => event.subject === planId && (event.data as any).pilotProjects === 2);
    expect(updated.data).toMatchObject({ pilotProjectsWithMou: 1 });

    // Lifecycle: submitted, never approved by skipping, approved, carried out.
    expect((await call(`${plans}/${planId}/status`, { token, body: { status: 'in_implementation' } })).body).toMatchObject({
      status: 409,
      currentStatus: 'draft',
    });
    for (const status of ['submitted', 'approved', 'in_implementation']) {
      expect((await call(`${plans}/${planId}/status`, { token, body: { status } })).body.status).toBe(status);
    }
    await system.tap.waitFor('action_plan.status_changed', (event) => event.subject === planId && (event.data as any).status === 'in_implementation');
    const verdict = await call(`${plans}/${planId}/history/verify`);
    expect(verdict.body).toMatchObject({ intact: true, planId });
    const trail = await call(`${plans}/${planId}/history`);
    expect(trail.body.entries.map((entry: any) => entry.action)).toEqual(
      expect.arrayContaining(['created', 'pilot_project_added', 'progress_reported', 'status_changed']),
    );

    const hidden = await call(plans, {
      token,
      body: {
        missionId,
        title: 'Internal',
        scope: 'cluster',
        cities: [
          { name: 'Lyon', country: 'FR' },
          { name: 'Wuhan', country: 'CN' },
        ],
      },
    });
    // A pilot project recorded on an MoU before action plans joins the plan as it was; the MoU still lists it, and it joins one plan only.
    const adopted = await call(`${plans}/${planId}/pilot-projects/adopt`, { token, body: { pilotProjectId: oldProjectId } });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ id: oldProjectId, mouId: oldMouId, mouReference: 'MOU-2019-0001', title: 'E-bus line 1', status: 'running' });
    expect((await call(`${plans}/${hidden.body.id}/pilot-projects/adopt`, { token, body: { pilotProjectId: oldProjectId } })).status).toBe(400);
    expect((await call(`${mous}/${oldMouId}/pilot-projects`)).body.map((project: any) => project.id)).toEqual([oldProjectId]);

    // Public: anyone reads it, without anyone's contact data; an organisers-only plan is no one else's.
    const publicView = await call(`${plans}/${planId}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body.authors[0]).toEqual({ name: 'Laia Puig', role: 'city_representative', organisation: 'Ajuntament de Barcelona' });
    expect(JSON.stringify(publicView.body)).not.toContain('@example');
    expect((await call(`${plans}/${hidden.body.id}`)).status).toBe(404);
    expect((await call(plans)).body.map((plan: any) => plan.id)).toEqual(expect.arrayContaining([planId]));
    expect((await call(plans)).body.map((plan: any) => plan.id)).not.toContain(hidden.body.id);
  });

  it('shows the public plan on a phone: its projects and progress, nobody’s address, nothing scrolling sideways', async () => {
    const web = await startWeb(system);
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB' });
      const page = await context.newPage();
      const response = await page.goto(`${web.url}/m/${missionId}/action-plans/${planId}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('Barcelona–Chengdu Urban Cooperative Action Plan');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('Electric buses on line 5');
      expect(text).toContain('A project of the plan alone (no MoU)');
      expect(await page.locator('progress').getAttribute('value')).toBe('40');
      expect(text).not.toContain('@example');
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBe(390);
      await expectNoSeriousA11yViolations(page);
    } finally {
      await browser.close();
      await web.stop();
    }
  }, 90_000);

  it('reminds the owner and the person responsible before the milestone is due, once, with the registry restarted in between', async () => {
    // One reminder five seconds from now; the other offset's time (three days before) has passed, so it is never made.
    remindAt = Date.now() + 5_000;
    offsets.splice(0, offsets.length, dueAt - remindAt, dueAt - Date.now() + 3 * DAY);
    const added = await call(`${plans}/${planId}/milestones`, {
      token,
      body: {
        title: 'E-buses tendered',
        dueOn,
        pilotProjectId: withoutMou.id,
        owner: { name: 'Jordi Vila', email: 'jordi.vila@example.es', preferredLanguage: 'es' },
      },
    });
    expect(added.status).toBe(201);
    milestoneId = added.body.id;
    // Only the reminder still to come: the one whose time has passed is not sent late.
    expect(added.body.reminders).toEqual([{ remindAt: new Date(remindAt).toISOString(), sentAt: null }]);

    await system.stopService('mou-registry');
    const sentWhileUp = await written('action_plan.milestone_reminder_due', milestoneId);
    // Down until its time has passed (unless the machine was too slow to get here before it).
    await new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, remindAt - Date.now() + 500)));
    await system.startService('mou-registry');
    plans = `${system.url('mou-registry')}/api/action-plans`;
    // The restarted instance's periodic look, and two more instances' looks at once.
    const reminders = system.app('mou-registry').get(MilestoneRemindersService);
    await Promise.all([reminders.run(), reminders.run()]);

    const event = await system.tap.waitFor('action_plan.milestone_reminder_due', (candidate) => candidate.subject === milestoneId, 30_000);
    expect(event.data).toMatchObject({
      planId,
      title: 'E-buses tendered',
      dueOn,
      pilotProject: { pilotProjectId: withoutMou.id, title: 'Electric buses on line 5' },
      recipients: [
        { role: 'owner', name: 'Jordi Vila', email: 'jordi.vila@example.es' },
        { role: 'responsible', name: 'Laia Puig', email: delegate.email, registrationId: delegate.registrationId },
      ],
    });
    const toOwner = await system.smtp.waitFor((mail) => mail.eventId === event.id && mail.to.includes('jordi.vila@example.es'), 'the reminder to the owner');
    expect(toOwner.subject).toMatch(/^Recordatorio: «E-buses tendered» vence el /);
    const toResponsible = await system.smtp.waitFor((mail) => mail.eventId === event.id && mail.to.includes(delegate.email), 'the reminder to the responsible');
    expect(toResponsible.text).toContain('Vostè és responsable del seu projecte pilot.');
    expect(Date.now()).toBeLessThan(dueAt);

    await Promise.all([reminders.run(), reminders.run()]);
    expect(await written('action_plan.milestone_reminder_due', milestoneId)).toBe(1);
    expect(system.smtp.to('jordi.vila@example.es')).toHaveLength(1);
    const view = await call(`${plans}/${planId}`, { token });
    expect(view.body.milestones[0].reminders[0].sentAt).not.toBeNull();
    if (sentWhileUp > 0) console.warn('the reminder went before the registry was stopped: the machine was slow');
  }, 90_000);

  it('removes an erased participant from the plan: author, person responsible and milestone owner blanked', async () => {
    const owned = await call(`${plans}/${planId}/milestones`, {
      token,
      body: { title: 'Drivers trained', dueOn: '2031-01-01', owner: { registrationId: delegate.registrationId } },
    });
    expect(owned.body.owner).toMatchObject({ name: 'Laia Puig', email: delegate.email });

    const erasedAt = new Date().toISOString();
    await system.producer.publish(
      createEvent(
        'registration',
        'participant.erased',
        { registrationId: delegate.registrationId, missionId, erasedAt },
        { subject: delegate.registrationId, missionId },
      ),
    );
    const view = await eventually(
      async () => {
        const response = await call(`${plans}/${planId}`, { token });
        return response.body.authors[0].name === '(erased participant)' ? response.body : undefined;
      },
      { what: 'the plan to forget the participant' },
    );
    expect(view.authors[0]).toMatchObject({ email: null, registrationId: delegate.registrationId });
    expect(view.pilotProjects.find((p: any) => p.id === withoutMou.id).responsible).toMatchObject({ name: '(erased participant)', email: null });
    expect(view.milestones.find((m: any) => m.id === owned.body.id).owner).toMatchObject({ name: '(erased participant)', email: null });
    expect(JSON.stringify(view)).not.toContain('Laia');
  });
});
