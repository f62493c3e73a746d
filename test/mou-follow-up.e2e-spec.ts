import type { CloudEvent } from '#contracts';
import { call } from './support/api.js';
import { withDatabase } from './support/isolation.js';
import { mouInput, uploadVersion } from './support/mou.js';
import { useSystem } from './support/system.js';
import { notificationsSettled } from './support/notifications.js';

const expiryOf = (event: CloudEvent, mouId: string) => event.subject === mouId && (event.data as { status?: string }).status === 'expired';

/** The registry's clock in this test: it only moves when the test moves it. */
const clock = {
  current: new Date('2030-01-05T09:00:00Z'),
  now() {
    return new Date(this.current);
  },
};

describe('the follow-up of an MoU: pilot projects, milestones, reminders and expiry on the registry’s clock', () => {
  const system = useSystem({ services: ['mou-registry', 'notifications'], mouRegistry: { clock, followUpIntervalMs: 100 } });
  let mous: string;

  beforeAll(() => {
    mous = `${system.url('mou-registry')}/api/mous`;
  });

  /** How many events of a type the registry has ever announced: its outbox is where each one is written once. */
  const announced = async (type: string, subject: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM "${system.schemaOf('mou-registry')}".outbox WHERE payload->>'type' = $1 AND payload->>'subject' = $2`,
        [type, subject],
      );
      return rows[0].n as number;
    });

  it('announces an overdue milestone once with mou.milestone_due, however often and however many checks run, and mails its owner once', async () => {
    const token = system.organiserToken();
    const mou = (await call(mous, { token, body: mouInput() })).body;
    const project = await call(`${mous}/${mou.id}/pilot-projects`, {
      token,
      body: { title: 'E-bus depot in Chengdu', leadParty: 'Chengdu Municipal People’s Government', budget: { amount: 250000, currency: 'EUR' } },
    });
    expect(project.status).toBe(201);
    expect(project.body).toMatchObject({ status: 'planned', budget: { amount: 250000, currency: 'EUR' } });
    const wrongLead = await call(`${mous}/${mou.id}/pilot-projects`, { token, body: { title: 'X', leadParty: 'Nobody' } });
    expect(wrongLead.body.errors).toEqual([expect.objectContaining({ field: 'leadParty' })]);

    const owner = { name: 'Marta Puig', email: 'marta.puig@example.es', preferredLanguage: 'es' };
    const due = await call(`${mous}/${mou.id}/milestones`, {
      token,
      body: { title: 'Feasibility study delivered', dueOn: '2030-01-10', owner, pilotProjectId: project.body.id },
    });
    expect(due.status).toBe(201);
    const later = await call(`${mous}/${mou.id}/milestones`, { token, body: { title: 'Depot opened', dueOn: '2031-01-10', owner } });
    // Due the same day, so one check announces both: one batch, and two entries of one MoU's trail.
    const alsoDue = await call(`${mous}/${mou.id}/milestones`, {
      token,
      body: { title: 'Site chosen', dueOn: '2030-01-10', owner: { name: 'Li Wei', email: 'li.wei@example.cn' } },
    });
    expect(alsoDue.status).toBe(201);
    const done = await call(`${mous}/${mou.id}/milestones`, { token, body: { title: 'Kick-off', dueOn: '2030-01-08', owner } });
    expect((await call(`${mous}/${mou.id}/milestones/${done.body.id}/complete`, { token, method: 'POST' })).body.completedAt).toBe(clock.current.toISOString());
    await system.tap.waitFor('mou.milestone_completed', (event) => event.subject === done.body.id);

    // The due date itself is not overdue yet.
    clock.current = new Date('2030-01-10T23:00:00Z');
    const check = system.app('mou-registry').get((await import('../apps/mou-registry/src/follow-up/follow-up-check.service.js')).FollowUpCheckService);
    await check.run();
    // Counted in the outbox, where run() has committed whatever it announced: the tap would see it only later.
    expect(await announced('mou.milestone_due', due.body.id)).toBe(0);

    clock.current = new Date('2030-01-11T08:00:00Z');
    // Two instances' checks at once, and the service's own periodic one besides.
    await Promise.all([check.run(), check.run(), check.run()]);
    const event = await system.tap.waitFor('mou.milestone_due', (candidate) => candidate.subject === due.body.id);
    expect(event.data).toEqual({
      mouId: mou.id,
      milestoneId: due.body.id,
      missionId: null,
      title: 'Feasibility study delivered',
      dueOn: '2030-01-10',
      owner: { ...owner, registrationId: null },
      reference: mou.reference,
      mouTitle: mou.title,
      pilotProject: { pilotProjectId: project.body.id, title: 'E-bus depot in Chengdu' },
    });
    for (let n = 0; n < 5; n++) await check.run();
    expect(await announced('mou.milestone_due', due.body.id)).toBe(1);
    expect(await announced('mou.milestone_due', alsoDue.body.id)).toBe(1);
    await system.tap.waitFor('mou.milestone_due', (candidate) => candidate.subject === alsoDue.body.id);
    expect(system.tap.ofType('mou.milestone_due')).toHaveLength(2);
    expect((await call(`${mous}/${mou.id}/history/verify`)).body.intact).toBe(true);

    const reminder = await system.smtp.waitFor((mail) => mail.eventId === event.id, 'the reminder to the owner');
    expect(reminder.to).toEqual(['marta.puig@example.es']);
    // Marta Puig reads Spanish.
    expect(reminder.subject).toBe('Recordatorio: «Feasibility study delivered» vencía el 10 de enero de 2030');
    expect(reminder.text).toContain(`del proyecto piloto «E-bus depot in Chengdu» del memorando de entendimiento ${mou.reference}`);
    await notificationsSettled(system);
    expect(system.smtp.to('marta.puig@example.es')).toHaveLength(1);

    const milestones = (await call(`${mous}/${mou.id}/milestones`, { token })).body;
    expect(milestones.find((m: { id: string }) => m.id === due.body.id).dueAnnouncedAt).toBe('2030-01-11T08:00:00.000Z');
    expect(milestones.find((m: { id: string }) => m.id === later.body.id).dueAnnouncedAt).toBeNull();
    // The public sees the follow-up, not how to reach its owners.
    const publicView = (await call(`${mous}/${mou.id}/milestones`)).body;
    expect(publicView[0].owner).toEqual({ name: 'Marta Puig' });
    expect(JSON.stringify(publicView)).not.toContain('marta.puig@example.es');
  });

  it('expires an MoU in force the day after its expiry date, once, recorded by the registry', async () => {
    const token = system.organiserToken();
    const mou = (
      await call(mous, { token, body: mouInput({ signedOn: '2030-01-02', signedPlace: 'Liuzhou', expiresOn: '2030-02-01', entryIntoForceOn: '2030-01-05' }) })
    ).body;
    expect(mou.reference).toMatch(/^MOU-2030-\d{4}$/);
    await uploadVersion(system.url('mou-registry'), mou.id, token, Buffer.from('the text'));
    for (const status of ['negotiating', 'signed', 'in_force']) {
      expect((await call(`${mous}/${mou.id}/status`, { token, body: { status } })).status).toBe(200);
    }
    clock.current = new Date('2030-02-02T00:00:01Z');
    const event = await system.tap.waitFor('mou.status_changed', (candidate) => expiryOf(candidate, mou.id));
    expect(event.data).toMatchObject({ previousStatus: 'in_force', changedBy: 'mou-registry', changedAt: '2030-02-02T00:00:01.000Z' });
    expect((await call(`${mous}/${mou.id}`)).body.status).toBe('expired');
    const check = system.app('mou-registry').get((await import('../apps/mou-registry/src/follow-up/follow-up-check.service.js')).FollowUpCheckService);
    await Promise.all([check.run(), check.run()]);
    const statusChanges = await withDatabase(async (db) =>
      (
        await db.query(
          `SELECT payload->'data'->>'status' AS status FROM "${system.schemaOf('mou-registry')}".outbox WHERE payload->>'type' = 'mou.status_changed' AND payload->>'subject' = $1 ORDER BY id`,
          [mou.id],
        )
      ).rows.map((row: { status: string }) => row.status),
    );
    expect(statusChanges).toEqual(['negotiating', 'signed', 'in_force', 'expired']);
    const history = (await call(`${mous}/${mou.id}/history`)).body.entries;
    expect(history.at(-1)).toMatchObject({ action: 'status_changed', actor: 'mou-registry', details: { from: 'in_force', to: 'expired' } });
    expect((await call(`${mous}/${mou.id}/history/verify`)).body.intact).toBe(true);
  });
});
