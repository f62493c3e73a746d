import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';

describe('a mission changed by its organisers', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications'] });

  it('takes a new title and dates, announces them once, and participants registering after are mailed the new title', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('scheduling')}/api/missions/${missionId}`;
    const title = 'Smart cities and e-mobility mission to Chengdu and Liuzhou';

    const changed = await call(url, { method: 'PATCH', token, body: { title, endsOn: '2019-06-16' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: missionId, title, startsOn: '2019-06-09', endsOn: '2019-06-16' });
    expect((await call(url)).body).toMatchObject({ title, endsOn: '2019-06-16' });
    const announced = await system.tap.waitFor('mission.updated', (event) => event.subject === missionId);
    expect(announced.data).toMatchObject({ missionId, title, endsOn: '2019-06-16' });

    // The same change again changes nothing, and announces nothing.
    expect((await call(url, { method: 'PATCH', token, body: { title } })).status).toBe(200);

    // Registration keeps its own copy of the mission: once the change has reached it, its mails say the new title.
    await eventually(
      async () =>
        (await withDatabase((client) => client.query(`SELECT 1 FROM "${system.schemaOf('registration')}".inbox WHERE event_id = $1`, [announced.id])))
          .rowCount === 1,
      { what: 'registration to take the change' },
    );
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(1) });
    expect(registered.status).toBe(201);
    const mail = await system.smtp.waitFor((received) => received.to.includes('delegate1@example.org'), 'the confirmation');
    expect(mail.subject).toContain(title);
    expect(system.tap.ofType('mission.updated', (event) => event.subject === missionId)).toHaveLength(1);
  });

  it('refuses a change that is invalid, drops a city, or comes from another mission’s organiser, and stores nothing of it', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('scheduling')}/api/missions/${missionId}`;
    const before = (await call(url)).body;

    const backwards = await call(url, { method: 'PATCH', token, body: { title: 'Renamed', startsOn: '2019-06-20' } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'startsOn' })]);

    const unknown = await call(url, { method: 'PATCH', token, body: { code: 'CN-NEW', title: 'Renamed' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);

    const dropped = await call(url, { method: 'PATCH', token, body: { cities: [before.cities[0]] } });
    expect(dropped.status).toBe(422);
    expect(dropped.body).toMatchObject({ type: expect.stringMatching(/mission-city-kept$/), cities: [before.cities[1].name] });

    const stranger = await call(url, { method: 'PATCH', token: system.organiserToken(['00000000-0000-4000-8000-000000000000']), body: { title: 'Mine' } });
    expect(stranger.status).toBe(403);
    expect((await call(url, { method: 'PATCH', body: { title: 'Anyone' } })).status).toBe(401);

    expect((await call(url)).body).toEqual(before);
  });
});
