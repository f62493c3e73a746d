import { call, openMission } from './support/api.js';
import { eventually } from './support/eventually.js';
import { mouInput } from './support/mou.js';
import { meetingBlockMission, participant, runToTheEnd } from './support/programme.js';
import { useSystem } from './support/system.js';

/** Matchmaking for people: the directory names people (never their e-mail), group meetings, suggestions, the MoU a meeting led to, erasure. */
describe('matchmaking for people', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'mou-registry'] });
  const api = (missionId: string) => `${system.url('scheduling')}/api/missions/${missionId}`;

  it('shows a directory of people, suggests whom to meet, places a group meeting where all are free, and links it to its MoU', async () => {
    const { missionId, token } = await meetingBlockMission(system, '2019-06-10T02:30:00Z');

    const stuttgart = {
      organisation: { name: 'Verband Region Stuttgart', type: 'government', country: 'DE', city: 'Stuttgart' },
      delegation: 'Stuttgart Region',
    };
    const liugong = { organisation: { name: 'LiuGong Group', type: 'business', country: 'CN', city: 'Liuzhou' }, delegation: 'Liuzhou' };
    const ana = await participant(system, missionId, 700, { givenName: 'Ana', familyName: 'Albrecht', ...stuttgart });
    const dan = await participant(system, missionId, 701, { givenName: 'Dan', familyName: 'Dietrich', ...stuttgart });
    const bo = await participant(system, missionId, 702, { givenName: 'Bo', familyName: 'Bai', ...liugong });
    const cai = await participant(system, missionId, 703, { givenName: 'Cai', familyName: 'Chen', ...liugong });
    const eva = await participant(system, missionId, 704, { givenName: 'Eva', familyName: 'Engel' });
    const fei = await participant(system, missionId, 705, {
      givenName: 'Fei',
      familyName: 'Fang',
      organisation: { name: 'Chengdu Bus Group', type: 'business', country: 'CN', city: 'Chengdu' },
      delegation: 'Chengdu',
    });
    const other = await openMission(system);
    const outsider = await participant(system, other.missionId, 706);

    const publish = async (who: { id: string; token: string }, body: Record<string, unknown>) =>
      expect(
        (await call(`${api(missionId)}/matchmaking/profiles/${who.id}`, { method: 'PUT', token: who.token, body: { languages: ['en'], ...body } })).status,
      ).toBe(200);
    await publish(ana, { offers: 'Urban planning for bus depots', seeks: 'Electric buses and charging', themes: ['e-mobility', 'smart city'] });
    await publish(bo, {
      offers: 'Electric buses and electric loaders',
      seeks: 'Urban planning partners in Europe',
      themes: ['e-mobility'],
      sectors: ['machinery'],
    });
    await publish(fei, { offers: 'Bus fleet operations', seeks: 'Smart ticketing', themes: ['smart city'] });
    await publish(eva, { offers: 'Electric buses', seeks: 'Urban planning', themes: ['e-mobility', 'smart city'] });
    const hide = await call(`${api(missionId)}/matchmaking/people/${eva.id}/visibility`, { method: 'PUT', token: eva.token, body: { hidden: true } });
    expect(hide).toMatchObject({ status: 200, body: { hidden: true } });
    expect((await call(`${api(missionId)}/matchmaking/people/${eva.id}/visibility`, { method: 'PUT', token: ana.token, body: { hidden: false } })).status).toBe(
      403,
    );

    // The directory: names, organisations, countries, delegations and profiles; no e-mail; the hidden one absent; paginated.
    const people = `${api(missionId)}/matchmaking/people`;
    const all = await call(people, { token: ana.token });
    expect(all.status).toBe(200);
    expect(JSON.stringify(all.body)).not.toMatch(/@|example\.org/);
    expect(all.body.items.map((item: { name: string }) => item.name)).toEqual(['Ana Albrecht', 'Bo Bai', 'Cai Chen', 'Dan Dietrich', 'Fei Fang']);
    expect(all.body.items[1]).toMatchObject({
      registrationId: bo.id,
      organisation: 'LiuGong Group',
      country: 'CN',
      delegation: 'Liuzhou',
      profile: { themes: ['e-mobility'], sectors: ['machinery'] },
    });
    expect(all.body.items[0]).toMatchObject({ delegation: 'Stuttgart Region', country: 'DE' });
    expect(all.body.items[2].profile).toBeNull();
    const first = await call(`${people}?limit=2`, { token: ana.token });
    const second = await call(`${people}?limit=2&cursor=${first.body.nextCursor}`, { token: ana.token });
    expect([...first.body.items, ...second.body.items].map((item: { registrationId: string }) => item.registrationId)).toEqual(
      all.body.items.slice(0, 4).map((item: { registrationId: string }) => item.registrationId),
    );
    expect((await call(`${people}?q=liugong`, { token: ana.token })).body.items.map((item: { name: string }) => item.name)).toEqual(['Bo Bai', 'Cai Chen']);
    expect((await call(`${people}?q=loaders`, { token: ana.token })).body.items.map((item: { name: string }) => item.name)).toEqual(['Bo Bai']);
    expect((await call(`${people}?country=DE`, { token: ana.token })).body.items).toHaveLength(2);
    // The hidden one sees themselves (marked hidden); nobody else does; the profiles directory leaves them out too.
    expect((await call(people, { token: eva.token })).body.items.find((item: { registrationId: string }) => item.registrationId === eva.id)).toMatchObject({
      hidden: true,
    });
    expect((await call(`${api(missionId)}/matchmaking/profiles`, { token: ana.token })).body.items.map((item: { name: string }) => item.name)).toEqual([
      'Ana Albrecht',
      'Bo Bai',
      'Fei Fang',
    ]);
    expect((await call(people, { token: outsider.token })).status).toBe(403);
    expect((await call(people)).status).toBe(401);
    expect((await call(people, { token })).body.items).toHaveLength(5);

    // Suggestions: Bo (shared theme, offers what Ana seeks and seeks what she offers) before Fei; Eva hidden, Dan a colleague, Cai without a profile.
    const suggestions = await call(`${api(missionId)}/matchmaking/suggestions`, { token: ana.token });
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.items.map((item: { person: { name: string } }) => item.person.name)).toEqual(['Bo Bai', 'Fei Fang']);
    expect(suggestions.body.items[0]).toMatchObject({
      person: { organisation: 'LiuGong Group', country: 'CN' },
      reasons: { themes: ['e-mobility'], theyOffer: expect.arrayContaining(['electric']), theySeek: expect.arrayContaining(['urban', 'planning']) },
    });
    expect((await call(`${api(missionId)}/matchmaking/suggestions?registrationId=${bo.id}`, { token: ana.token })).status).toBe(403);
    expect((await call(`${api(missionId)}/matchmaking/suggestions?registrationId=${bo.id}`, { token })).body.items[0].person.name).toBe('Ana Albrecht');

    // Dan meets Fei one to one first: a run places it.
    const danFei = await call(`${api(missionId)}/meetings`, { token: dan.token, body: { inviteeId: fei.id, priority: 5 } });
    expect(danFei.body).toMatchObject({ requester: { name: 'Dan Dietrich', organisation: 'Verband Region Stuttgart' }, invitee: { name: 'Fei Fang' } });
    expect((await call(`${api(missionId)}/meetings/${danFei.body.id}/accept`, { method: 'POST', token: fei.token })).status).toBe(200);
    expect((await runToTheEnd(system, token, missionId)).result).toMatchObject({ scheduled: 1 });
    const danSlot = (await call(`${api(missionId)}/meetings/${danFei.body.id}`, { token })).body.slot.startsAt as string;

    // A group meeting: Ana and Dan (Stuttgart Region) with Bo and Cai (LiuGong Group).
    const group = await call(`${api(missionId)}/meetings`, {
      token: ana.token,
      body: {
        inviteeId: bo.id,
        priority: 4,
        attendees: [
          { registrationId: dan.id, side: 'requester' },
          { registrationId: cai.id, side: 'invitee' },
        ],
      },
    });
    expect(group.status).toBe(201);
    expect(group.body.attendees).toEqual([
      expect.objectContaining({ registrationId: ana.id, side: 'requester', name: 'Ana Albrecht' }),
      expect.objectContaining({ registrationId: dan.id, side: 'requester', name: 'Dan Dietrich' }),
      expect.objectContaining({ registrationId: bo.id, side: 'invitee', name: 'Bo Bai' }),
      expect.objectContaining({ registrationId: cai.id, side: 'invitee', name: 'Cai Chen' }),
    ]);
    expect(JSON.stringify(group.body)).not.toContain('@');
    const bothSides = await call(`${api(missionId)}/meetings`, {
      token: ana.token,
      body: { inviteeId: fei.id, attendees: [{ registrationId: fei.id, side: 'requester' }] },
    });
    expect(bothSides.status).toBe(400);
    expect(
      (
        await call(`${api(missionId)}/meetings`, {
          token: ana.token,
          body: { inviteeId: fei.id, attendees: [{ registrationId: outsider.id, side: 'invitee' }] },
        })
      ).status,
    ).toBe(422);
    expect((await call(`${api(missionId)}/meetings/${group.body.id}/accept`, { method: 'POST', token: bo.token })).status).toBe(200);
    // Cai (a team member) sees the meeting; requested and met people are no longer suggested.
    expect((await call(`${api(missionId)}/meetings/${group.body.id}`, { token: cai.token })).status).toBe(200);
    expect(
      (await call(`${api(missionId)}/matchmaking/suggestions`, { token: ana.token })).body.items.map((item: { person: { name: string } }) => item.person.name),
    ).toEqual(['Fei Fang']);

    // Cai cannot meet in the slot Dan does not have a meeting in but the last one: the group meeting can only go to the one left.
    const slots = ['2019-06-10T01:00:00.000Z', '2019-06-10T01:30:00.000Z', '2019-06-10T02:00:00.000Z'];
    const free = slots.filter((slot) => slot !== danSlot);
    const busy = await call(`${api(missionId)}/participants/${cai.id}/unavailability`, {
      token: cai.token,
      body: { startsAt: free[0], endsAt: new Date(Date.parse(free[0]) + 30 * 60_000).toISOString(), note: 'factory tour' },
    });
    expect(busy.status).toBe(201);
    expect((await runToTheEnd(system, token, missionId)).result).toMatchObject({ scheduled: 2, kept: 1, unscheduled: [] });
    const placed = (await call(`${api(missionId)}/meetings/${group.body.id}`, { token })).body;
    expect(placed.slot.startsAt).toBe(free[1]);
    const danTimetable = await call(`${api(missionId)}/participants/${dan.id}/meetings`, { token: dan.token });
    expect(danTimetable.body.items.map((item: { startsAt: string }) => item.startsAt).sort()).toEqual([danSlot, free[1]].sort());
    const caiTimetable = await call(`${api(missionId)}/participants/${cai.id}/meetings`, { token: cai.token });
    expect(caiTimetable.body.items).toEqual([
      expect.objectContaining({
        meetingId: group.body.id,
        counterpartId: ana.id,
        counterpart: expect.objectContaining({ name: 'Ana Albrecht' }),
        with: [expect.objectContaining({ name: 'Ana Albrecht' }), expect.objectContaining({ name: 'Dan Dietrich' })],
      }),
    ]);

    // The meeting led to an MoU: the outcome names it, and the MoU lists the meeting with who met.
    const mou = await call(`${system.url('mou-registry')}/api/mous`, { token, body: mouInput({ missionId }) });
    expect(mou.status).toBe(201);
    const outcome = await call(`${api(missionId)}/meetings/${group.body.id}/outcome`, {
      token,
      body: { outcome: 'held', notes: 'Agreed on an e-bus pilot in Ludwigsburg', mouId: mou.body.id },
    });
    expect(outcome.body).toMatchObject({ outcome: 'held', mouId: mou.body.id, outcomeNotes: 'Agreed on an e-bus pilot in Ludwigsburg' });
    const seenByAna = (await call(`${api(missionId)}/meetings/${group.body.id}`, { token: ana.token })).body;
    expect(seenByAna.mouId).toBe(mou.body.id);
    expect(seenByAna).not.toHaveProperty('outcomeNotes');
    const linked = await eventually(
      async () => {
        const record = await call(`${system.url('mou-registry')}/api/mous/${mou.body.id}`, { token });
        return record.body.meetings?.length ? record.body.meetings : undefined;
      },
      { what: 'the MoU registry to list the meeting' },
    );
    expect(linked).toEqual([
      {
        meetingId: group.body.id,
        missionId,
        startsAt: free[1],
        endsAt: placed.slot.endsAt,
        outcome: 'held',
        attendees: [
          { registrationId: ana.id, side: 'requester', name: 'Ana Albrecht' },
          { registrationId: dan.id, side: 'requester', name: 'Dan Dietrich' },
          { registrationId: bo.id, side: 'invitee', name: 'Bo Bai' },
          { registrationId: cai.id, side: 'invitee', name: 'Cai Chen' },
        ],
      },
    ]);
    // The public register shows no meetings (nor who met).
    expect((await call(`${system.url('mou-registry')}/api/mous/${mou.body.id}`)).body).not.toHaveProperty('meetings');

    // Cai asks for erasure: gone from the directory and from the group meeting, which goes on with the other three.
    expect((await call(`${system.url('registration')}/api/registrations/${cai.id}/erase`, { method: 'POST', token: cai.token })).status).toBe(200);
    await eventually(
      async () => {
        const meeting = (await call(`${api(missionId)}/meetings/${group.body.id}`, { token })).body;
        return meeting.attendees.length === 3 ? meeting : undefined;
      },
      { what: 'scheduling to take the erased participant out of the meeting' },
    );
    const after = await call(people, { token: ana.token });
    expect(after.body.items.map((item: { name: string }) => item.name)).toEqual(['Ana Albrecht', 'Bo Bai', 'Dan Dietrich', 'Fei Fang']);
    expect((await call(`${api(missionId)}/meetings/${group.body.id}`, { token })).body.status).toBe('accepted');
  }, 180_000);
});
