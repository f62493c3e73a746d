import { createEvent, type EventData } from '#contracts';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { createSession, participant, placesOf, release, sessionInput } from './support/programme.js';
import { outboxRelayed } from './support/settled.js';
import { useSystem } from './support/system.js';

/** Whether the service of `schema` has handled the event (its inbox row): when to look for the change's effects. */
async function handled(schema: string, eventId: string): Promise<number> {
  return (await withDatabase((client) => client.query(`SELECT 1 FROM "${schema}".inbox WHERE event_id = $1`, [eventId]))).rowCount ?? 0;
}

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
    await eventually(async () => (await handled(system.schemaOf('registration'), announced.id)) === 1, { what: 'registration to take the change' });
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(1) });
    expect(registered.status).toBe(201);
    const mail = await system.smtp.waitFor((received) => received.to.includes('delegate1@example.org'), 'the confirmation');
    expect(mail.subject).toContain(title);
    await outboxRelayed(system, 'scheduling');
    await system.tap.caughtUp();
    expect(system.tap.ofType('mission.updated', (event) => event.subject === missionId)).toHaveLength(1);
  });

  it('tells participants registered before the change the new title in the mails that follow', async () => {
    const { missionId, token } = await openMission(system);
    const ana = await participant(system, missionId, 2);
    const { chengdu } = await placesOf(system, token, missionId);
    const visit = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', { title: 'Software park' }),
    );
    await release(system, token, missionId);

    const title = 'Chengdu and Liuzhou: cities that learn from each other';
    expect((await call(`${system.url('scheduling')}/api/missions/${missionId}`, { method: 'PATCH', token, body: { title } })).status).toBe(200);
    const announced = await system.tap.waitFor('mission.updated', (event) => event.subject === missionId);
    await eventually(async () => (await handled(system.schemaOf('notifications'), announced.id)) === 1, { what: 'notifications to take the change' });
    // An older description of the mission arriving after it (a retry) does not set the title back.
    const stale = createEvent(
      'scheduling',
      'mission.updated',
      { ...(announced.data as EventData<'mission.updated'>), title: 'An older title' },
      {
        subject: missionId,
        missionId,
        time: new Date(Date.parse(announced.time) - 60_000),
      },
    );
    await system.producer.publish(stale);
    await eventually(async () => (await handled(system.schemaOf('notifications'), stale.id)) === 1, { what: 'notifications to take the older one' });

    const enrolled = await call(`${system.url('scheduling')}/api/missions/${missionId}/sessions/${visit}/enrolments`, { method: 'POST', token: ana.token });
    expect(enrolled.status).toBe(201);
    const mail = await system.smtp.waitFor((received) => received.to.includes('delegate2@example.org') && /Software park/.test(received.subject), 'the seat');
    expect(mail.subject).toContain(title);
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
