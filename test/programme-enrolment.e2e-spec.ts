import { call, openMission } from './support/api.js';
import { eventually } from './support/eventually.js';
import { createSession, participant, placesOf, release, sessionInput } from './support/programme.js';
import { useSystem } from './support/system.js';

/** An organiser token's missions are mission ids: this one names a mission that is not the test's. */
const ANOTHER_MISSION = '7d0b6f4e-3c1a-4f7e-9b2d-5a8c1e0f9d33';

describe('enrolment in the programme', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'dashboard'] });

  const scheduling = (missionId: string) => `${system.url('scheduling')}/api/missions/${missionId}`;

  it('holds capacity exactly under 100 concurrent enrolments, waitlists the rest in order, and the dashboard agrees', async () => {
    const { missionId, token } = await openMission(system, { capacity: 200 });
    const { chengdu } = await placesOf(system, token, missionId);
    const sessionId = await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', { capacity: 10 }));
    await release(system, token, missionId);

    const participants = [];
    for (let batch = 0; batch < 10; batch++) {
      participants.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => participant(system, missionId, 1000 + batch * 10 + i)))));
    }
    const answers = await Promise.all(
      participants.map((p) => call(`${scheduling(missionId)}/sessions/${sessionId}/enrolments`, { method: 'POST', token: p.token })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    const confirmed = answers.filter((answer) => answer.body.status === 'confirmed');
    const waitlisted = answers.filter((answer) => answer.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(10);
    expect(waitlisted).toHaveLength(90);
    expect(waitlisted.map((answer) => answer.body.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));

    // The organiser's list gives the waitlist in arrival order, positions 1…90, as the events announced them.
    const list = await call(`${scheduling(missionId)}/sessions/${sessionId}/enrolments?status=waitlisted&limit=100`, { token });
    expect(list.body.items.map((item: { waitlistPosition: number }) => item.waitlistPosition)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    await eventually(() => system.tap.ofType('enrolment.waitlisted', (event) => (event.data as any).sessionId === sessionId).length === 90, {
      what: '90 enrolment.waitlisted events',
    });
    const announced = new Map(
      system.tap.ofType('enrolment.waitlisted').map((event) => [(event.data as any).enrolmentId, (event.data as any).waitlistPosition]),
    );
    for (const item of list.body.items) expect(announced.get(item.id)).toBe(item.waitlistPosition);

    const session = await eventually(
      async () => {
        const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
        const fill = summary.body?.sessions?.find((entry: { sessionId: string }) => entry.sessionId === sessionId);
        return fill?.enrolments?.confirmed === 10 && fill.enrolments.waitlisted === 90 ? fill : undefined;
      },
      { what: 'the dashboard to show the session full' },
    );
    expect(session).toMatchObject({ capacity: 10, fill: 1, enrolments: { confirmed: 10, waitlisted: 90, cancelled: 0 } });
  }, 180_000);

  it('promotes the first of the waitlist when a participant’s registration is cancelled', async () => {
    const { missionId, token } = await openMission(system);
    const { chengdu } = await placesOf(system, token, missionId);
    const sessionId = await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', { capacity: 1 }));
    await release(system, token, missionId);
    const [first, second, third] = [await participant(system, missionId, 1), await participant(system, missionId, 2), await participant(system, missionId, 3)];
    const enrol = (p: { token: string }) => call(`${scheduling(missionId)}/sessions/${sessionId}/enrolments`, { method: 'POST', token: p.token });
    expect((await enrol(first)).body.status).toBe('confirmed');
    expect((await enrol(second)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await enrol(third)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

    const cancelled = await call(`${system.url('registration')}/api/registrations/${first.id}/cancel`, { method: 'POST', token: first.token });
    expect(cancelled.status).toBe(200);

    const promoted = await system.tap.waitFor('enrolment.confirmed', (event) => (event.data as any).registrationId === second.id);
    expect(promoted.data).toMatchObject({ sessionId, waitlistPosition: null });
    const list = await call(`${scheduling(missionId)}/sessions/${sessionId}/enrolments`, { token });
    expect(list.body.items.map((item: any) => [item.registrationId, item.status, item.waitlistPosition])).toEqual([
      [first.id, 'cancelled', null],
      [second.id, 'confirmed', null],
      [third.id, 'waitlisted', 1],
    ]);
    const agenda = await call(`${scheduling(missionId)}/participants/${second.id}/agenda`, { token: second.token });
    expect(agenda.body.items).toEqual([expect.objectContaining({ sessionId, role: 'enrolled' })]);
  });

  it('forgets an erased participant: their token stops working here and their seat goes to the next in line', async () => {
    const { missionId, token } = await openMission(system);
    const { chengdu } = await placesOf(system, token, missionId);
    const sessionId = await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', { capacity: 1 }));
    await release(system, token, missionId);
    const [ana, ben] = [await participant(system, missionId, 1), await participant(system, missionId, 2)];
    const enrol = (p: { token: string }) => call(`${scheduling(missionId)}/sessions/${sessionId}/enrolments`, { method: 'POST', token: p.token });
    expect((await enrol(ana)).body.status).toBe('confirmed');
    expect((await enrol(ben)).body.status).toBe('waitlisted');

    const erased = await call(`${system.url('registration')}/api/registrations/${ana.id}/erase`, { method: 'POST', token: ana.token });
    expect(erased.status).toBe(200);
    await eventually(async () => (await call(`${scheduling(missionId)}/participants/${ana.id}/agenda`, { token: ana.token })).status === 401, {
      what: 'the erased token to be refused by scheduling',
    });
    await system.tap.waitFor('enrolment.confirmed', (event) => (event.data as any).registrationId === ben.id);
    const list = await call(`${scheduling(missionId)}/sessions/${sessionId}/enrolments?status=confirmed`, { token });
    expect(list.body.items.map((item: { registrationId: string }) => item.registrationId)).toEqual([ben.id]);
  });

  it('refuses conflicts with a problem naming the clashing session', async () => {
    const { missionId, token } = await openMission(system);
    const { chengdu, liuzhou } = await placesOf(system, token, missionId);
    const forum = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T04:00:00Z', { kind: 'forum', title: 'Smart City Forum' }),
    );
    const overlapping = await createSession(
      system,
      token,
      missionId,
      sessionInput(liuzhou, '2019-06-10T03:00:00Z', '2019-06-10T05:00:00Z', { title: 'Liuzhou bus factory' }),
    );
    const tooSoon = await createSession(
      system,
      token,
      missionId,
      sessionInput(liuzhou, '2019-06-10T06:00:00Z', '2019-06-10T07:00:00Z', { title: 'Liuzhou e-mobility lab' }),
    );
    await release(system, token, missionId);
    const ana = await participant(system, missionId, 1);
    const enrol = (sessionId: string) => call(`${scheduling(missionId)}/sessions/${sessionId}/enrolments`, { method: 'POST', token: ana.token });
    expect((await enrol(forum)).status).toBe(201);

    const overlap = await enrol(overlapping);
    expect(overlap.status).toBe(409);
    expect(overlap.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(overlap.body).toMatchObject({ type: expect.stringMatching(/schedule-conflict$/), conflictsWith: { sessionId: forum, title: 'Smart City Forum' } });
    expect(overlap.body.detail).toContain('Smart City Forum');

    const transfer = await enrol(tooSoon);
    expect(transfer.status).toBe(409);
    expect(transfer.body).toMatchObject({
      type: expect.stringMatching(/transfer-too-short$/),
      conflictsWith: { sessionId: forum, title: 'Smart City Forum' },
      transfer: { minutes: 240 },
    });

    // A venue is not booked twice either.
    const doubleBooked = await call(`${scheduling(missionId)}/sessions`, {
      token,
      body: sessionInput(chengdu, '2019-06-10T02:00:00Z', '2019-06-10T03:00:00Z', { title: 'Press conference' }),
    });
    expect(doubleBooked.status).toBe(409);
    expect(doubleBooked.body).toMatchObject({
      type: expect.stringMatching(/venue-double-booked$/),
      conflictsWith: { sessionId: forum, title: 'Smart City Forum' },
    });

    const agenda = await call(`${scheduling(missionId)}/participants/${ana.id}/agenda`, { token: ana.token });
    expect(agenda.body.items.map((item: { sessionId: string }) => item.sessionId)).toEqual([forum]);
  });

  it('names each bad field and stores nothing', async () => {
    const { missionId, token } = await openMission(system);
    const { chengdu } = await placesOf(system, token, missionId);
    const bad = await call(`${scheduling(missionId)}/sessions`, {
      token,
      body: {
        kind: 'panel_discussion',
        title: '',
        startsAt: '2019-06-10T05:00:00Z',
        endsAt: '2019-06-10T04:00:00Z',
        venueId: chengdu,
        capacity: 0,
        languages: ['English'],
        speakers: [{ role: 'panellist', name: 'Ada' }],
        colour: 'red',
      },
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'capacity', 'languages.0', 'colour']));
    const rules = await call(`${scheduling(missionId)}/sessions`, {
      token,
      body: { kind: 'panel_discussion', title: 'Panel', startsAt: '2019-06-10T05:00:00Z', endsAt: '2019-06-10T04:00:00Z', venueId: chengdu, languages: ['en'] },
    });
    expect(rules.status).toBe(400);
    expect(rules.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['endsAt', 'speakers']));
    const elsewhere = await call(`${scheduling(missionId)}/sessions`, {
      token,
      body: sessionInput('00000000-0000-4000-8000-000000000000', '2019-06-10T01:00:00Z', '2019-06-10T02:00:00Z'),
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors).toEqual([{ field: 'venueId', message: expect.any(String) }]);
    const venue = await call(`${scheduling(missionId)}/venues`, { token, body: { name: 'Somewhere', address: 'x', city: 'Shanghai' } });
    expect(venue.status).toBe(400);
    expect(venue.body.errors).toEqual([{ field: 'city', message: expect.stringContaining('Chengdu') }]);

    const sessions = await call(`${scheduling(missionId)}/sessions`, { token });
    expect(sessions.body.items).toEqual([]);
    expect((await call(`${scheduling(missionId)}/venues`)).body.items).toHaveLength(2);
  });

  it('lets only the participant and the mission’s organisers read an agenda', async () => {
    const { missionId, token } = await openMission(system);
    const ana = await participant(system, missionId, 1);
    const ben = await participant(system, missionId, 2);
    const agendaOf = (id: string, caller?: string) => call(`${scheduling(missionId)}/participants/${id}/agenda`, { token: caller });
    expect((await agendaOf(ana.id, ana.token)).status).toBe(200);
    expect((await agendaOf(ben.id, ana.token)).status).toBe(403);
    expect((await call(`${scheduling(missionId)}/participants/${ben.id}/agenda.ics`, { token: ana.token })).status).toBe(403);
    expect((await agendaOf(ben.id, token)).status).toBe(200);
    expect((await agendaOf(ben.id, system.organiserToken([ANOTHER_MISSION]))).status).toBe(403);
    expect((await agendaOf(ben.id)).status).toBe(401);

    // An organiser enrols anyone; a participant only themselves; an organiser of another mission nobody.
    const { chengdu } = await placesOf(system, token, missionId);
    const sessionId = await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z'));
    await release(system, token, missionId);
    const enrolments = `${scheduling(missionId)}/sessions/${sessionId}/enrolments`;
    expect((await call(enrolments, { token: ana.token, body: { registrationId: ben.id } })).status).toBe(403);
    expect((await call(enrolments, { token: system.organiserToken([ANOTHER_MISSION]), body: { registrationId: ben.id } })).status).toBe(403);
    expect((await call(enrolments, { token, body: {} })).body.errors).toEqual([{ field: 'registrationId', message: expect.any(String) }]);
    const byOrganiser = await call(enrolments, { token, body: { registrationId: ben.id } });
    expect(byOrganiser).toMatchObject({ status: 201, body: { registrationId: ben.id, status: 'confirmed' } });
    expect((await agendaOf(ben.id, ben.token)).body.items).toEqual([expect.objectContaining({ sessionId, role: 'enrolled' })]);
  });

  it('tells the organiser who a moved session now puts in conflict with another of their sessions, and still moves it', async () => {
    const { missionId, token } = await openMission(system);
    const { chengdu, liuzhou } = await placesOf(system, token, missionId);
    const expo = await call(`${scheduling(missionId)}/venues`, {
      token,
      body: { name: 'Western China International Expo City', address: '88 Fuzhou Road', city: 'Chengdu' },
    });
    const [both, visitOnly, liuzhouToo, speaker] = [
      await participant(system, missionId, 41),
      await participant(system, missionId, 42),
      await participant(system, missionId, 43),
      await participant(system, missionId, 44),
    ];
    const forum = await createSession(
      system,
      token,
      missionId,
      sessionInput(expo.body.id, '2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', {
        title: 'Forum',
        speakers: [{ role: 'speaker', name: 'Delegate Number 44', registrationId: speaker.id }],
      }),
    );
    const visit = await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-10T05:00:00Z', '2019-06-10T06:00:00Z', { title: 'Park visit' }));
    const evening = await createSession(system, token, missionId, sessionInput(liuzhou, '2019-06-10T10:00:00Z', '2019-06-10T11:00:00Z', { title: 'Dinner' }));
    await release(system, token, missionId);
    const enrol = (p: { token: string }, sessionId: string) =>
      call(`${scheduling(missionId)}/sessions/${sessionId}/enrolments`, { method: 'POST', token: p.token });
    for (const [p, sessionId] of [
      [both, forum],
      [both, visit],
      [visitOnly, visit],
      [liuzhouToo, visit],
      [liuzhouToo, evening],
      [speaker, visit],
    ] as const) {
      expect((await enrol(p, sessionId)).status).toBe(201);
    }

    // The park visit moves onto the forum, and later, to four hours before dinner in Liuzhou: less than the transfer from Chengdu.
    const onTheForum = await call(`${scheduling(missionId)}/sessions/${visit}`, {
      method: 'PATCH',
      token,
      body: { startsAt: '2019-06-10T02:00:00Z', endsAt: '2019-06-10T03:30:00Z' },
    });
    expect(onTheForum.status).toBe(200);
    expect(onTheForum.body).toMatchObject({ startsAt: '2019-06-10T02:00:00.000Z' });
    // Enrolled in the forum, or speaking at it: both clash now; the others do not.
    const forumClash = (registrationId: string) => ({
      registrationId,
      kind: 'overlap',
      session: { id: forum, title: 'Forum', startsAt: '2019-06-10T01:00:00.000Z', endsAt: '2019-06-10T03:00:00.000Z' },
      detail: expect.stringContaining('Forum'),
    });
    expect(onTheForum.body.participantConflicts).toEqual([both.id, speaker.id].sort().map(forumClash));
    const tooClose = await call(`${scheduling(missionId)}/sessions/${visit}`, {
      method: 'PATCH',
      token,
      body: { startsAt: '2019-06-10T06:00:00Z', endsAt: '2019-06-10T07:00:00Z' },
    });
    expect(tooClose.body.participantConflicts).toEqual([
      expect.objectContaining({ registrationId: liuzhouToo.id, kind: 'transfer', session: expect.objectContaining({ id: evening }) }),
    ]);
    // A change of title moves nothing and names no one.
    const renamed = await call(`${scheduling(missionId)}/sessions/${visit}`, { method: 'PATCH', token, body: { title: 'Science park visit' } });
    expect(renamed.body.participantConflicts).toEqual([]);
  });
});
