import ICAL from 'ical.js';
import { call, openMission } from './support/api.js';
import { eventually } from './support/eventually.js';
import { createSession, participant, placesOf, release, sessionInput } from './support/programme.js';
import { useSystem } from './support/system.js';

/** An organiser token's missions are mission ids: this one names a mission that is not the test's. */
const ANOTHER_MISSION = '7d0b6f4e-3c1a-4f7e-9b2d-5a8c1e0f9d33';

/** The VEVENTs of a feed as a calendar app reads them, by UID. */
function eventsOf(feed: string): Map<string, { sequence: number; start: string; status: string | null; summary: string }> {
  const calendar = new ICAL.Component(ICAL.parse(feed));
  return new Map(
    calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return [
        event.uid,
        {
          sequence: event.sequence,
          start: event.startDate.toJSDate().toISOString(),
          status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
          summary: event.summary,
        },
      ];
    }),
  );
}

describe('schedule releases and personal agendas', () => {
  const system = useSystem({ services: ['scheduling', 'registration'] });

  it('publishes a two-city programme in numbered releases, announcing changes to released sessions at once', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('scheduling')}/api/missions/${missionId}`;
    const { chengdu, liuzhou } = await placesOf(system, token, missionId);
    const [ana, ben, carl, dora] = [
      await participant(system, missionId, 1),
      await participant(system, missionId, 2),
      await participant(system, missionId, 3, { timezone: 'Asia/Shanghai', delegation: 'Chengdu' }),
      await participant(system, missionId, 4),
    ];

    const panel = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', {
        kind: 'panel_discussion',
        title: 'Cities that learn from each other',
        capacity: 1,
        languages: ['en', 'zh'],
        interpretation: [{ from: 'en', to: 'zh' }],
        speakers: [
          { role: 'moderator', name: 'Carl', registrationId: carl.id },
          { role: 'panellist', name: 'Wang Fang' },
        ],
      }),
    );
    const fair = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-11T01:00:00Z', '2019-06-11T08:00:00Z', {
        kind: 'side_event',
        title: 'Smart city pavilion',
        hostEvent: 'Western China Fair',
      }),
    );
    const train = await createSession(system, token, missionId, {
      kind: 'transfer',
      title: 'High-speed train',
      startsAt: '2019-06-12T00:00:00Z',
      endsAt: '2019-06-12T04:00:00Z',
      route: { from: 'Chengdu', to: 'Liuzhou' },
      languages: ['en'],
    });
    const visit = await createSession(
      system,
      token,
      missionId,
      sessionInput(liuzhou, '2019-06-12T06:00:00Z', '2019-06-12T08:00:00Z', { title: 'Electric bus factory' }),
    );
    const dinner = await createSession(
      system,
      token,
      missionId,
      sessionInput(liuzhou, '2019-06-12T10:00:00Z', '2019-06-12T12:00:00Z', {
        kind: 'reception',
        title: 'Mayor’s dinner',
        audience: { kind: 'invitation', registrationIds: [dora.id] },
      }),
    );

    // Drafts are nobody's business but the organisers'.
    expect((await call(`${url}/programme`)).body.items).toEqual([]);
    expect((await call(`${url}/sessions/${panel}`)).status).toBe(404);
    // Enrolling in one is a 404 too, which does not tell its title.
    const tooSoon = await call(`${system.url('scheduling')}/api/missions/${missionId}/sessions/${panel}/enrolments`, { method: 'POST', token: ana.token });
    expect(tooSoon.status).toBe(404);
    expect(JSON.stringify(tooSoon.body)).not.toContain('Cities that learn');

    const first = await release(system, token, missionId);
    expect(first.number).toBe(1);
    expect(first.changes.map((change: { change: string }) => change.change)).toEqual(['added', 'added', 'added', 'added', 'added']);
    const published = await system.tap.waitFor('schedule.published', (event) => event.missionid === missionId);
    expect(published.data).toMatchObject({ release: 1, changes: first.changes });
    await eventually(() => system.tap.ofType('session.scheduled', (event) => event.missionid === missionId).length === 5, { what: 'five session.scheduled' });
    const again = await call(`${url}/schedule/releases`, { method: 'POST', token });
    expect(again.status).toBe(409);

    const programme = await call(`${url}/programme`);
    expect(programme.body.items.map((item: { sessionId: string }) => item.sessionId)).toEqual([panel, fair, train, visit]);
    const fairEntry = programme.body.items[1];
    expect(fairEntry).toMatchObject({ hostEvent: 'Western China Fair', venueTime: { timezone: 'Asia/Shanghai', startsAt: '2019-06-11T09:00:00+08:00' } });

    // Ana holds the panel's only seat, Ben waits, Carl moderates, Dora is in nothing of the panel.
    const enrol = (sessionId: string, who: { token: string }) => call(`${url}/sessions/${sessionId}/enrolments`, { method: 'POST', token: who.token });
    expect((await enrol(panel, ana)).body.status).toBe('confirmed');
    expect((await enrol(panel, ben)).body.status).toBe('waitlisted');
    // Ana is not invited to the dinner: for her it does not exist.
    expect((await enrol(dinner, ana)).status).toBe(404);
    expect((await enrol(dinner, dora)).status).toBe(201);

    const agenda = await call(`${url}/participants/${ana.id}/agenda`, { token: ana.token });
    expect(agenda.body).toMatchObject({ timezone: 'Europe/Madrid' });
    expect(agenda.body.items.map((item: any) => [item.sessionId, item.role])).toEqual([
      [panel, 'enrolled'],
      [train, 'travelling'],
    ]);
    expect(agenda.body.items[0]).toMatchObject({
      participantTime: { timezone: 'Europe/Madrid', startsAt: '2019-06-10T03:00:00+02:00', endsAt: '2019-06-10T05:00:00+02:00' },
      venueTime: { timezone: 'Asia/Shanghai', startsAt: '2019-06-10T09:00:00+08:00' },
    });
    const carlAgenda = await call(`${url}/participants/${carl.id}/agenda`, { token: carl.token });
    expect(carlAgenda.body.items.map((item: any) => [item.sessionId, item.role])).toEqual([
      [panel, 'moderator'],
      [train, 'travelling'],
    ]);

    const before = await call(`${url}/participants/${ana.id}/agenda.ics`, { token: ana.token });
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toMatch(/^text\/calendar/);
    const panelBefore = eventsOf(before.body).get(`${panel}@mission-hub`)!;
    expect(eventsOf(before.body).has(`${train}@mission-hub`)).toBe(true);
    expect(panelBefore).toMatchObject({ start: '2019-06-10T01:00:00.000Z', status: 'CONFIRMED' });

    // The panel moves: Ana (enrolled) and Carl (moderator) are touched, Ben (waiting) and Dora are not.
    const moved = await call(`${url}/sessions/${panel}`, {
      method: 'PATCH',
      token,
      body: { startsAt: '2019-06-10T02:00:00Z', endsAt: '2019-06-10T04:00:00Z' },
    });
    expect(moved.status).toBe(200);
    const rescheduled = await system.tap.waitFor('session.rescheduled', (event) => event.subject === panel);
    expect(rescheduled.data).toMatchObject({
      startsAt: '2019-06-10T02:00:00.000Z',
      previous: { startsAt: '2019-06-10T01:00:00.000Z', endsAt: '2019-06-10T03:00:00.000Z', venue: { name: 'Tianfu Software Park', city: 'Chengdu' } },
    });
    expect(((rescheduled.data as any).participantIds as string[]).sort()).toEqual([ana.id, carl.id].sort());

    const after = await call(`${url}/participants/${ana.id}/agenda.ics`, { token: ana.token });
    const panelAfter = eventsOf(after.body).get(`${panel}@mission-hub`)!;
    expect(panelAfter.start).toBe('2019-06-10T02:00:00.000Z');
    expect(panelAfter.sequence).toBeGreaterThan(panelBefore.sequence);

    // A change that touches nobody is still announced, to nobody.
    await call(`${url}/sessions/${visit}`, { method: 'PATCH', token, body: { startsAt: '2019-06-12T06:30:00Z' } });
    const quiet = await system.tap.waitFor('session.rescheduled', (event) => event.subject === visit);
    expect((quiet.data as any).participantIds).toEqual([]);

    // Draft edits wait for the next release; a cancellation of a released session is told at once.
    const workshop = await createSession(
      system,
      token,
      missionId,
      sessionInput(liuzhou, '2019-06-13T01:00:00Z', '2019-06-13T03:00:00Z', { kind: 'workshop', title: 'Charging networks' }),
    );
    await call(`${url}/sessions/${fair}`, { method: 'PATCH', token, body: { title: 'Smart city pavilion tour' } });
    const cancelled = await call(`${url}/sessions/${panel}/cancel`, { method: 'POST', token, body: { reason: 'The panellists cannot travel.' } });
    expect(cancelled.status).toBe(200);
    const cancellation = await system.tap.waitFor('session.cancelled', (event) => event.subject === panel);
    expect(cancellation.data).toMatchObject({ reason: 'The panellists cannot travel.' });
    expect(((cancellation.data as any).participantIds as string[]).sort()).toEqual([ana.id, carl.id].sort());
    expect(system.tap.ofType('session.scheduled', (event) => event.subject === workshop)).toEqual([]);

    const second = await release(system, token, missionId);
    expect(second).toMatchObject({
      number: 2,
      changes: expect.arrayContaining([
        { sessionId: workshop, change: 'added' },
        { sessionId: fair, change: 'changed' },
        { sessionId: visit, change: 'changed' },
        { sessionId: panel, change: 'cancelled' },
      ]),
    });
    expect(second.changes).toHaveLength(4);
    await system.tap.waitFor('session.scheduled', (event) => event.subject === workshop);

    const cancelledFeed = eventsOf((await call(`${url}/participants/${ana.id}/agenda.ics`, { token: ana.token })).body);
    expect(cancelledFeed.get(`${panel}@mission-hub`)).toMatchObject({ status: 'CANCELLED' });
    expect(cancelledFeed.get(`${panel}@mission-hub`)!.sequence).toBeGreaterThan(panelAfter.sequence);
    const publicFeed = eventsOf((await call(`${url}/programme.ics`)).body);
    expect([...publicFeed.keys()].sort()).toEqual([panel, fair, train, visit, workshop].map((id) => `${id}@mission-hub`).sort());
    expect(publicFeed.has(`${dinner}@mission-hub`)).toBe(false);
    expect((await call(`${url}/schedule/releases`)).body.items.map((item: { number: number }) => item.number)).toEqual([2, 1]);
  });

  it('shows a session by invitation only, and its place in the releases, to the organisers and the participants it concerns only', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('scheduling')}/api/missions/${missionId}`;
    const { liuzhou } = await placesOf(system, token, missionId);
    const [dora, ben, carl] = [await participant(system, missionId, 1), await participant(system, missionId, 2), await participant(system, missionId, 3)];
    const dinner = await createSession(
      system,
      token,
      missionId,
      sessionInput(liuzhou, '2019-06-12T10:00:00Z', '2019-06-12T12:00:00Z', {
        kind: 'reception',
        title: 'Mayor’s dinner',
        description: 'With the mayor of Liuzhou, at the top of the tower.',
        audience: { kind: 'invitation', registrationIds: [dora.id] },
        speakers: [{ role: 'speaker', name: 'Carl', registrationId: carl.id }],
      }),
    );
    const visit = await createSession(
      system,
      token,
      missionId,
      sessionInput(liuzhou, '2019-06-12T06:00:00Z', '2019-06-12T08:00:00Z', { title: 'Bus factory' }),
    );
    const published = await release(system, token, missionId);
    expect(published).toMatchObject({ publishedBy: expect.any(String) });

    const session = (caller?: string) => call(`${url}/sessions/${dinner}`, { token: caller });
    const releases = (caller?: string) => call(`${url}/schedule/releases`, { token: caller });
    const changedIn = (response: { body: { items: { changes: { sessionId: string }[] }[] } }) =>
      response.body.items.flatMap((item) => item.changes.map((change) => change.sessionId)).sort();

    // Anyone, and a participant it does not concern, are told nothing of it: not found, as if it did not exist.
    for (const caller of [undefined, ben.token, system.organiserToken([ANOTHER_MISSION])]) {
      const hidden = await session(caller);
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toContain('Mayor');
      const seen = await releases(caller);
      expect(seen.status).toBe(200);
      expect(changedIn(seen)).toEqual([visit]);
      expect(seen.body.items[0]).not.toHaveProperty('publishedBy');
    }
    expect((await call(`${url}/sessions/${dinner}/enrolments`, { method: 'POST', token: ben.token })).status).toBe(404);
    expect((await call(`${url}/sessions/${visit}`)).status).toBe(200);

    // The invited participant and the speaker see it and its change, still not who released it; the organiser sees everything.
    for (const caller of [dora.token, carl.token]) {
      expect((await session(caller)).body).toMatchObject({ id: dinner, title: 'Mayor’s dinner', audience: { kind: 'invitation', registrationIds: [] } });
      const seen = await releases(caller);
      expect(changedIn(seen)).toEqual([dinner, visit].sort());
      expect(seen.body.items[0]).not.toHaveProperty('publishedBy');
    }
    expect((await session(token)).body).toMatchObject({ id: dinner, audience: { kind: 'invitation', registrationIds: [dora.id] } });
    const all = await releases(token);
    expect(changedIn(all)).toEqual([dinner, visit].sort());
    expect(all.body.items[0].publishedBy).toBe(published.publishedBy);

    // Ben, enrolled by an organiser without an invitation, has it in his agenda: it exists for him too.
    expect((await call(`${url}/sessions/${dinner}/enrolments`, { token, body: { registrationId: ben.id } })).status).toBe(201);
    expect((await session(ben.token)).status).toBe(200);
    expect(changedIn(await releases(ben.token))).toEqual([dinner, visit].sort());
  });
});
