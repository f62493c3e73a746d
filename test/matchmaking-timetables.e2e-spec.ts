import { call } from './support/api.js';
import { eventually } from './support/eventually.js';
import { notificationsSettled } from './support/notifications.js';
import { createSession, meetingBlockMission, participant, release, runToTheEnd, sessionInput } from './support/programme.js';
import { outboxRelayed } from './support/settled.js';
import { useSystem } from './support/system.js';

describe('B2B matchmaking: requests, a scheduling run and the timetables', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications', 'dashboard'] });

  const api = (missionId: string) => `${system.url('scheduling')}/api/missions/${missionId}`;
  const email = (n: number) => `delegate${n}@example.org`;
  const timetableMails = (n: number) => system.smtp.to(email(n)).filter((mail) => /meeting timetable|Changes to your meetings/.test(mail.subject));

  /** A mission with one released B2B block in Chengdu (four 30-minute slots, two tables) and confirmed participants n…n+count-1. */
  async function matchmakingMission(first: number, count: number) {
    const { missionId, token, blockId } = await meetingBlockMission(system, '2019-06-10T03:00:00Z');
    const people = [];
    for (let n = first; n < first + count; n++) people.push(await participant(system, missionId, n));
    return { missionId, token, blockId, people };
  }

  async function ask(missionId: string, from: { token: string }, to: { id: string }, priority = 3) {
    const asked = await call(`${api(missionId)}/meetings`, {
      token: from.token,
      body: { inviteeId: to.id, priority, message: 'Shall we talk about e-buses?' },
    });
    expect(asked.status).toBe(201);
    return asked.body.id as string;
  }

  async function accept(missionId: string, by: { token: string }, meetingId: string) {
    const accepted = await call(`${api(missionId)}/meetings/${meetingId}/accept`, { method: 'POST', token: by.token });
    expect(accepted.status).toBe(200);
  }

  /** Every event scheduling has announced so far has reached notifications (and been mailed) and the tap. */
  async function announced() {
    await outboxRelayed(system, 'scheduling');
    await Promise.all([notificationsSettled(system), system.tap.caughtUp()]);
  }

  it('schedules accepted requests and mails every participant exactly one timetable', async () => {
    const { missionId, token, people } = await matchmakingMission(100, 4);
    const [ana, ben, cai, dan] = people;
    const profile = await call(`${api(missionId)}/matchmaking/profiles/${ana.id}`, {
      method: 'PUT',
      token: ana.token,
      body: { offers: 'Electric bus fleet operations', seeks: 'Charging infrastructure partners', themes: ['e-mobility'], languages: ['en'] },
    });
    expect(profile.status).toBe(200);
    const directory = await call(`${api(missionId)}/matchmaking/profiles?theme=e-mobility`, { token: ben.token });
    expect(directory.body.items.map((item: { registrationId: string }) => item.registrationId)).toEqual([ana.id]);

    const anaBen = await ask(missionId, ana, ben, 5);
    const anaCai = await ask(missionId, ana, cai);
    const danBen = await ask(missionId, dan, ben);
    for (const [who, id] of [
      [ben, anaBen],
      [cai, anaCai],
      [ben, danBen],
    ] as const)
      await accept(missionId, who, id);
    await system.tap.waitFor('meeting.accepted', (event) => (event.data as { meetingId: string }).meetingId === danBen);

    const run = await runToTheEnd(system, token, missionId);
    expect(run).toMatchObject({ status: 'succeeded', result: { scheduled: 3, moved: 0, cancelled: 0, unscheduled: [], timetablesPublished: 4 } });

    const timetable = await call(`${api(missionId)}/participants/${ben.id}/meetings`, { token: ben.token });
    expect(timetable.body.items).toHaveLength(2);
    expect(timetable.body.items[0]).toMatchObject({ venue: { city: 'Chengdu' }, participantTime: { timezone: 'Europe/Madrid' } });
    expect(new Set(timetable.body.items.map((item: { startsAt: string }) => item.startsAt)).size).toBe(2);
    const agenda = await call(`${api(missionId)}/participants/${ben.id}/agenda`, { token: ben.token });
    expect(agenda.body.meetings.map((item: { meetingId: string }) => item.meetingId).sort()).toEqual([anaBen, danBen].sort());
    const feed = await call(`${api(missionId)}/participants/${ben.id}/agenda.ics`, { token: ben.token });
    expect(feed.body).toContain(`UID:${anaBen}@mission-hub`);

    await eventually(() => [100, 101, 102, 103].every((n) => timetableMails(n).length === 1), { what: 'four timetable e-mails' });
    // Exactly one: a second copy would have come by now.
    await announced();
    expect([100, 101, 102, 103].map((n) => timetableMails(n).length)).toEqual([1, 1, 1, 1]);
    const mail = timetableMails(101)[0];
    expect(mail.subject).toBe('Your meeting timetable for Smart cities mission to Chengdu and Liuzhou');
    expect(mail.text).toContain('with Delegate Number 100 (Head of international relations, Ajuntament de Barcelona, ES)');
    expect(mail.text).toMatch(/table [12], Tianfu Software Park, Chengdu/);
    const held = await call(`${api(missionId)}/meetings/${anaBen}/outcome`, { token, body: { outcome: 'held' } });
    expect(held).toMatchObject({ status: 200, body: { outcome: 'held' } });
    const counts = await eventually(
      async () => {
        const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
        return summary.body?.meetings?.held === 1 ? summary.body.meetings : undefined;
      },
      { what: 'the dashboard to count the meeting held' },
    );
    expect(counts).toMatchObject({ requested: 3, scheduled: 3, held: 1 });
    // A second run that changes nothing tells nobody anything.
    expect((await runToTheEnd(system, token, missionId)).result).toMatchObject({ scheduled: 3, kept: 3, timetablesPublished: 0 });
  }, 120_000);

  it('frees the meetings of a participant who cancels at the next run (a rebuild) and tells their counterparts once', async () => {
    const { missionId, token, people } = await matchmakingMission(200, 3);
    const [ana, ben, cai] = people;
    const anaBen = await ask(missionId, ana, ben);
    const caiBen = await ask(missionId, cai, ben);
    await accept(missionId, ben, anaBen);
    await accept(missionId, ben, caiBen);
    await system.tap.waitFor('meeting.accepted', (event) => (event.data as { meetingId: string }).meetingId === caiBen);
    expect((await runToTheEnd(system, token, missionId)).result).toMatchObject({ scheduled: 2 });
    await eventually(() => [200, 201, 202].every((n) => timetableMails(n).length === 1), { what: 'three first timetables' });

    const cancelled = await call(`${system.url('registration')}/api/registrations/${cai.id}/cancel`, { method: 'POST', token: cai.token });
    expect(cancelled.status).toBe(200);
    await eventually(async () => (await call(`${api(missionId)}/meetings/${caiBen}`, { token })).body.status === 'cancelled', {
      what: 'scheduling to cancel the meeting of the participant who left',
    });

    const run = await runToTheEnd(system, token, missionId, { rebuild: true });
    expect(run).toMatchObject({ status: 'succeeded', result: { scheduled: 1, cancelled: 1 } });
    const freed = await system.tap.waitFor('meeting.cancelled', (event) => (event.data as { meetingId: string }).meetingId === caiBen);
    expect(freed.data).toMatchObject({ reason: 'participant-left' });
    await eventually(() => timetableMails(201).length === 2, { what: 'the counterpart’s change notice' });
    const notice = timetableMails(201)[1];
    expect(notice.subject).toBe('Changes to your meetings at Smart cities mission to Chengdu and Liuzhou');
    expect(notice.text).toContain('Cancelled: the meeting with Delegate Number 202');
    const timetable = await call(`${api(missionId)}/participants/${ben.id}/meetings`, { token: ben.token });
    expect(timetable.body.items.map((item: { counterpartId: string }) => item.counterpartId)).toEqual([ana.id]);
    // Told once: a run after that changes nothing for Ben, and the one who left hears nothing more.
    await runToTheEnd(system, token, missionId);
    await announced();
    expect(system.tap.ofType('meeting.timetable_published', (event) => (event.data as { registrationId: string }).registrationId === ben.id)).toHaveLength(2);
    expect(timetableMails(202)).toHaveLength(1);
  }, 120_000);

  it('keeps a participant’s requests and timetable from other participants, and names bad input', async () => {
    const { missionId, token, people } = await matchmakingMission(300, 3);
    const [ana, ben, cai] = people;
    const anaBen = await ask(missionId, ana, ben);
    expect((await call(`${api(missionId)}/meetings?registrationId=${ana.id}`, { token: cai.token })).status).toBe(403);
    expect((await call(`${api(missionId)}/meetings/${anaBen}`, { token: cai.token })).status).toBe(404);
    expect((await call(`${api(missionId)}/meetings/${anaBen}/accept`, { method: 'POST', token: cai.token })).status).toBe(404);
    expect((await call(`${api(missionId)}/meetings/${anaBen}/accept`, { method: 'POST', token: ana.token })).status).toBe(403);
    expect((await call(`${api(missionId)}/participants/${ana.id}/meetings`, { token: cai.token })).status).toBe(403);
    const own = await call(`${api(missionId)}/meetings`, { token: cai.token });
    expect(own.body.items).toEqual([]);
    expect((await call(`${api(missionId)}/matchmaking/runs`, { token: ana.token, body: {} })).status).toBe(403);

    const bad = await call(`${api(missionId)}/meetings`, { token: ana.token, body: { inviteeId: 'someone', priority: 9 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['inviteeId', 'priority']);
    const twice = await call(`${api(missionId)}/meetings`, { token: ben.token, body: { inviteeId: ana.id } });
    expect(twice).toMatchObject({ status: 409, body: { meetingId: anaBen } });
    const stranger = await call(`${api(missionId)}/meetings`, { token: ana.token, body: { inviteeId: '00000000-0000-4000-8000-000000000000' } });
    expect(stranger.status).toBe(422);
    expect(stranger.body.detail).toContain('inviteeId');
    const backwards = await call(`${api(missionId)}/participants/${ana.id}/unavailability`, {
      token: ana.token,
      body: { startsAt: '2019-06-10T02:00:00Z', endsAt: '2019-06-10T01:00:00Z' },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((error: { field: string }) => error.field)).toEqual(['endsAt']);
    expect((await call(`${api(missionId)}/participants/${ana.id}/unavailability`, { token: cai.token })).status).toBe(403);
    const runBody = await call(`${api(missionId)}/matchmaking/runs`, { token, body: { limitPerParticipant: 0, extra: true } });
    expect(runBody.status).toBe(400);
    expect(runBody.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(expect.arrayContaining(['limitPerParticipant']));
  }, 120_000);

  it('lets an organiser propose a meeting, and places it only where both can meet', async () => {
    const { missionId, token, people } = await matchmakingMission(400, 2);
    const [ana, ben] = people;
    const proposed = await call(`${api(missionId)}/meetings`, { token, body: { requesterId: ana.id, inviteeId: ben.id, priority: 4 } });
    expect(proposed).toMatchObject({ status: 201, body: { status: 'requested', proposedByOrganiser: true } });
    expect((await call(`${api(missionId)}/meetings`, { token, body: { inviteeId: ben.id } })).body.errors).toEqual([
      expect.objectContaining({ field: 'requesterId' }),
    ]);
    await accept(missionId, ben, proposed.body.id);
    // Ana cannot meet before 02:30 (the block's first three slots).
    const declared = await call(`${api(missionId)}/participants/${ana.id}/unavailability`, {
      token: ana.token,
      body: { startsAt: '2019-06-10T00:00:00Z', endsAt: '2019-06-10T02:30:00Z', note: 'site visit' },
    });
    expect(declared.status).toBe(201);
    expect((await runToTheEnd(system, token, missionId)).result).toMatchObject({ scheduled: 1 });
    const timetable = await call(`${api(missionId)}/participants/${ana.id}/meetings`, { token: ana.token });
    expect(timetable.body.items).toEqual([
      expect.objectContaining({
        startsAt: '2019-06-10T02:30:00.000Z',
        counterpartId: ben.id,
        venueTime: expect.objectContaining({ startsAt: '2019-06-10T10:30:00+08:00' }),
      }),
    ]);
  }, 120_000);

  it('keeps meetings out of the sessions that hold a participant, but not out of the block the meetings are in', async () => {
    const { missionId, token, blockId, people } = await matchmakingMission(600, 3);
    const [ana, ben, cai] = people;
    const hall = await call(`${api(missionId)}/venues`, { token, body: { name: 'Chengdu Century City', address: '88 Tianfu Avenue', city: 'Chengdu' } });
    expect(hall.status).toBe(201);
    const session = (startsAt: string, endsAt: string, overrides: Record<string, unknown> = {}) =>
      createSession(system, token, missionId, sessionInput(hall.body.id, startsAt, endsAt, overrides));
    const enrol = async (who: { token: string }, sessionId: string, status: string) =>
      expect((await call(`${api(missionId)}/sessions/${sessionId}/enrolments`, { method: 'POST', token: who.token })).body).toMatchObject({ status });
    const full = await session('2019-06-10T01:00:00Z', '2019-06-10T01:30:00Z', { capacity: 1 });
    const visit = await session('2019-06-10T02:00:00Z', '2019-06-10T02:30:00Z');
    await release(system, token, missionId);
    // Ana is in the block itself; Ben waits for a seat at 01:00, speaks at a talk still in draft at 01:30 and visits at 02:00.
    await enrol(ana, blockId, 'confirmed');
    await enrol(cai, full, 'confirmed');
    await enrol(ben, full, 'waitlisted');
    await enrol(ben, visit, 'confirmed');
    await session('2019-06-10T01:30:00Z', '2019-06-10T02:00:00Z', { kind: 'forum', speakers: [{ role: 'speaker', name: 'Ben', registrationId: ben.id }] });
    const meetingId = await ask(missionId, ana, ben);
    await accept(missionId, ben, meetingId);
    expect((await runToTheEnd(system, token, missionId)).result).toMatchObject({ scheduled: 1 });
    const timetable = await call(`${api(missionId)}/participants/${ana.id}/meetings`, { token: ana.token });
    expect(timetable.body.items).toEqual([expect.objectContaining({ startsAt: '2019-06-10T02:30:00.000Z', counterpartId: ben.id })]);
  }, 120_000);

  it('cancels the open requests of an erased participant at once', async () => {
    const { missionId, people } = await matchmakingMission(500, 2);
    const [ana, ben] = people;
    const asked = await ask(missionId, ana, ben);
    const erased = await call(`${system.url('registration')}/api/registrations/${ana.id}/erase`, { method: 'POST', token: ana.token });
    expect(erased.status).toBe(200);
    const cancelled = await system.tap.waitFor('meeting.cancelled', (event) => (event.data as { meetingId: string }).meetingId === asked);
    expect(cancelled.data).toMatchObject({ reason: 'participant-left', slot: null });
    expect((await call(`${api(missionId)}/meetings/${asked}`, { token: ben.token })).body.status).toBe('cancelled');
  }, 120_000);
});
