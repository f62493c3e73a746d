import ICAL from 'ical.js';
import { call, openMission } from './support/api.js';
import { createSession, participant, placesOf, release, sessionInput } from './support/programme.js';
import { useSystem } from './support/system.js';
import { useWeb } from './support/web.js';

/** A page of the web entry with a session cookie, as a signed-in browser would ask for it. */
async function pageHtml(url: string, cookie: string, init: { body?: Record<string, string>; origin?: string } = {}) {
  const response = await fetch(url, {
    method: init.body ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie,
      ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded', origin: init.origin ?? '' } : {}),
    },
    body: init.body ? new URLSearchParams(init.body).toString() : undefined,
  });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

/**
 * The forum of June 2019 in Chengdu: an EU-China forum in the hall of the Tianfu Software Park with
 * its three panels, two of them at once in two rooms, a coach between two venues of Chengdu, and the
 * titles in English and Chinese.
 */
describe('the programme’s structure: sessions holding sessions, rooms, transfers within a city, titles per language', () => {
  const system = useSystem({ services: ['scheduling', 'registration'] });
  const web = useWeb(system);

  it('holds the forum’s panels in its hall, lets a participant be at the forum and a panel, and serves titles per Accept-Language', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('scheduling')}/api/missions/${missionId}`;
    const { chengdu } = await placesOf(system, token, missionId);

    // Rooms of a venue, with their seats.
    const room = (body: Record<string, unknown>) => call(`${url}/venues/${chengdu}/rooms`, { token, body });
    const hall = await room({ name: 'Main hall', names: { zh: '主会场' }, capacity: 300 });
    const salon = await room({ name: 'Salon B', capacity: 40 });
    expect([hall.status, salon.status]).toEqual([201, 201]);
    expect((await room({ name: 'main HALL', capacity: 10 })).body.type).toMatch(/room-exists$/);
    const venues = await call(`${url}/venues`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    const park = venues.body.items.find((venue: { id: string }) => venue.id === chengdu);
    expect(park.rooms.map((one: { name: string; capacity: number }) => [one.name, one.capacity])).toEqual([
      ['主会场', 300],
      ['Salon B', 40],
    ]);

    // The forum in the hall, 09:00–12:30 in Chengdu; its panels in the hall and Salon B.
    const forum = await call(`${url}/sessions`, {
      token,
      body: sessionInput(chengdu, '2019-06-12T01:00:00Z', '2019-06-12T04:30:00Z', {
        kind: 'forum',
        title: 'EU-China Forum on Smart Cities',
        titles: { zh: '中欧智慧城市论坛' },
        descriptions: { zh: '成都全球创新创业交易会的配套活动' },
        roomId: hall.body.id,
      }),
    });
    expect(forum.status).toBe(201);
    // Without a capacity of its own, the session takes the room's.
    expect(forum.body).toMatchObject({ capacity: 300, room: { id: hall.body.id }, parentSessionId: null });
    const forumId: string = forum.body.id;
    const panel = (title: string, startsAt: string, endsAt: string, overrides: Record<string, unknown> = {}) =>
      call(`${url}/sessions`, {
        token,
        body: sessionInput(chengdu, startsAt, endsAt, {
          kind: 'panel_discussion',
          title,
          parentSessionId: forumId,
          roomId: hall.body.id,
          speakers: [
            { role: 'moderator', name: 'Laura Bianchi' },
            { role: 'panellist', name: 'Wang Fang' },
          ],
          ...overrides,
        }),
      });
    const mobility = await panel('Panel 1: e-mobility', '2019-06-12T01:30:00Z', '2019-06-12T02:30:00Z', { titles: { zh: '第一场：电动出行' } });
    const energy = await panel('Panel 2: energy', '2019-06-12T02:30:00Z', '2019-06-12T03:30:00Z');
    const water = await panel('Panel 3: water', '2019-06-12T02:45:00Z', '2019-06-12T03:30:00Z', { roomId: salon.body.id, capacity: 40 });
    expect([mobility.status, energy.status, water.status]).toEqual([201, 201, 201]);
    expect(mobility.body.parentSessionId).toBe(forumId);

    // Two panels at once in the same room still double-book it; outside the forum's time, in a room too small: refused.
    const clash = await panel('Panel 2b', '2019-06-12T03:00:00Z', '2019-06-12T04:00:00Z');
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ type: expect.stringMatching(/venue-double-booked$/), conflictsWith: { sessionId: energy.body.id } });
    const late = await panel('Panel 4', '2019-06-12T04:00:00Z', '2019-06-12T05:00:00Z', { roomId: salon.body.id });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ type: expect.stringMatching(/outside-parent$/), parent: { sessionId: forumId } });
    const crowded = await panel('Panel 4', '2019-06-12T03:30:00Z', '2019-06-12T04:30:00Z', { roomId: salon.body.id, capacity: 41 });
    expect(crowded.status).toBe(400);
    expect(crowded.body.errors).toEqual([expect.objectContaining({ field: 'capacity' })]);
    // Another session in the hall during the forum, not held by it, is a double booking as before.
    const intruder = await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-12T04:00:00Z', '2019-06-12T05:00:00Z')).catch(
      (error: Error) => error.message,
    );
    expect(intruder).toMatch(/409.*venue-double-booked/);
    // Too deep: the forum, a panel, a break-out group, and one more level.
    const breakout = await call(`${url}/sessions`, {
      token,
      body: sessionInput(chengdu, '2019-06-12T01:30:00Z', '2019-06-12T02:00:00Z', {
        kind: 'workshop',
        parentSessionId: mobility.body.id,
        roomId: hall.body.id,
      }),
    });
    expect(breakout.status).toBe(201);
    const deeper = await call(`${url}/sessions`, {
      token,
      body: sessionInput(chengdu, '2019-06-12T01:30:00Z', '2019-06-12T01:45:00Z', { kind: 'workshop', parentSessionId: breakout.body.id }),
    });
    expect(deeper.status).toBe(400);
    expect(deeper.body.errors).toEqual([expect.objectContaining({ field: 'parentSessionId' })]);
    expect((await call(`${url}/sessions/${breakout.body.id}`, { method: 'DELETE', token })).status).toBe(204);

    // A coach between two venues of Chengdu is a transfer; one without its venues is refused as before.
    const hotel = await call(`${url}/venues`, {
      token,
      body: { name: 'Jinjiang Hotel', names: { zh: '锦江宾馆' }, address: '80 Renmin Road', city: 'Chengdu' },
    });
    const coach = await call(`${url}/sessions`, {
      token,
      body: {
        kind: 'transfer',
        title: 'Coach to the forum',
        titles: { zh: '乘大巴前往论坛' },
        startsAt: '2019-06-12T00:15:00Z',
        endsAt: '2019-06-12T00:55:00Z',
        route: { from: 'Chengdu', to: 'Chengdu', fromVenueId: hotel.body.id, toVenueId: chengdu },
        languages: ['zh'],
      },
    });
    expect(coach.status).toBe(201);
    expect(coach.body.route).toEqual({ from: 'Chengdu', to: 'Chengdu', fromVenueId: hotel.body.id, toVenueId: chengdu });
    const nowhere = await call(`${url}/sessions`, {
      token,
      body: {
        kind: 'transfer',
        title: 'Coach',
        startsAt: '2019-06-12T00:15:00Z',
        endsAt: '2019-06-12T00:55:00Z',
        route: { from: 'Chengdu', to: 'Chengdu' },
        languages: ['zh'],
      },
    });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors).toEqual([expect.objectContaining({ field: 'route.to' })]);

    await release(system, token, missionId);
    const scheduled = await system.tap.waitFor('session.scheduled', (event) => (event.data as any).sessionId === mobility.body.id);
    expect(scheduled.data).toMatchObject({ parentSessionId: forumId, titles: { zh: '第一场：电动出行' }, title: 'Panel 1: e-mobility' });

    // At the forum and one panel: accepted. Two panels at once (in two rooms): still a conflict.
    const ana = await participant(system, missionId, 1);
    const enrol = (sessionId: string) => call(`${url}/sessions/${sessionId}/enrolments`, { method: 'POST', token: ana.token });
    expect((await enrol(forumId)).status).toBe(201);
    expect((await enrol(energy.body.id)).status).toBe(201);
    expect((await enrol(mobility.body.id)).status).toBe(201);
    const both = await enrol(water.body.id);
    expect(both.status).toBe(409);
    expect(both.body).toMatchObject({ type: expect.stringMatching(/schedule-conflict$/), conflictsWith: { sessionId: energy.body.id } });
    expect((await enrol(coach.body.id)).status).toBe(201);

    // Titles, descriptions and names in the caller's language, else the mission's first language.
    const inChinese = await call(`${url}/sessions/${forumId}`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' } });
    expect(inChinese.body).toMatchObject({
      title: '中欧智慧城市论坛',
      description: '成都全球创新创业交易会的配套活动',
      titles: { zh: '中欧智慧城市论坛' },
      room: { name: '主会场' },
    });
    const inGerman = await call(`${url}/sessions/${forumId}`, { headers: { 'accept-language': 'de-DE' } });
    // No German: the English title (the mission's first language), and the Chinese description (the only one there is).
    expect(inGerman.body).toMatchObject({
      title: 'EU-China Forum on Smart Cities',
      description: '成都全球创新创业交易会的配套活动',
      room: { name: 'Main hall' },
    });

    // The agenda shows the panels within the forum; so does the public programme, in Chinese when asked.
    const agenda = await call(`${url}/participants/${ana.id}/agenda`, { token: ana.token });
    expect(agenda.body.items.map((item: any) => [item.title, item.depth, item.parent?.title ?? null])).toEqual([
      ['Coach to the forum', 0, null],
      ['EU-China Forum on Smart Cities', 0, null],
      ['Panel 1: e-mobility', 1, 'EU-China Forum on Smart Cities'],
      ['Panel 2: energy', 1, 'EU-China Forum on Smart Cities'],
    ]);
    const programme = await call(`${url}/programme`, { headers: { 'accept-language': 'zh' } });
    expect(programme.body.items.map((item: any) => [item.title, item.depth, item.room?.name ?? null])).toEqual([
      ['乘大巴前往论坛', 0, null],
      ['中欧智慧城市论坛', 0, '主会场'],
      ['第一场：电动出行', 1, '主会场'],
      ['Panel 2: energy', 1, '主会场'],
      ['Panel 3: water', 1, 'Salon B'],
    ]);
    const feed = await call(`${url}/participants/${ana.id}/agenda.ics`, { token: ana.token });
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
    const panelEvent = events.find((event) => event.getFirstPropertyValue('uid') === `${mobility.body.id}@mission-hub`)!;
    expect(panelEvent.getFirstPropertyValue('related-to')).toBe(`${forumId}@mission-hub`);
    expect(panelEvent.getFirstProperty('related-to')!.getParameter('reltype')).toBe('PARENT');
    expect(String(panelEvent.getFirstPropertyValue('description'))).toContain('Part of EU-China Forum on Smart Cities');

    // Moving the forum an hour later takes its panels along; making it shorter than its panels is refused.
    const shorter = await call(`${url}/sessions/${forumId}`, { method: 'PATCH', token, body: { endsAt: '2019-06-12T03:00:00Z' } });
    expect(shorter.status).toBe(409);
    expect(shorter.body).toMatchObject({ type: expect.stringMatching(/children-outside$/) });
    const moved = await call(`${url}/sessions/${forumId}`, {
      method: 'PATCH',
      token,
      body: { startsAt: '2019-06-12T02:00:00Z', endsAt: '2019-06-12T05:30:00Z' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.participantConflicts).toEqual([]);
    const panelMoved = await system.tap.waitFor('session.rescheduled', (event) => (event.data as any).sessionId === mobility.body.id);
    expect(panelMoved.data).toMatchObject({ startsAt: '2019-06-12T02:30:00.000Z', parentSessionId: forumId, participantIds: [ana.id] });

    // Cancelling the forum cancels its panels, each announced.
    const cancelled = await call(`${url}/sessions/${forumId}/cancel`, { token, body: { reason: 'Venue closed' } });
    expect(cancelled.status).toBe(200);
    await system.tap.waitFor('session.cancelled', (event) => (event.data as any).sessionId === water.body.id);
    const panelsNow = await Promise.all([mobility, energy, water].map((one) => call(`${url}/sessions/${one.body.id}`, { token })));
    expect(panelsNow.map((one) => [one.body.status, one.body.cancellationReason])).toEqual([
      ['cancelled', 'Venue closed'],
      ['cancelled', 'Venue closed'],
      ['cancelled', 'Venue closed'],
    ]);
  }, 120_000);

  it('shows the panels under the forum on the console and the participant’s pages, and adds a room and a panel from the console', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('scheduling')}/api/missions/${missionId}`;
    const { chengdu } = await placesOf(system, token, missionId);
    const forum = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-12T01:00:00Z', '2019-06-12T04:30:00Z', { kind: 'forum', title: 'EU-China Forum' }),
    );
    const organiser = `mh_organiser=${system.organiserToken([missionId], 'ana.organiser@test')}`;
    const consolePage = `${web.url}/console/m/${missionId}/programme`;

    // A room, then a panel inside the forum in that room, from the console's forms (times on the venue's clock: Chengdu).
    const form = await pageHtml(consolePage, organiser);
    const key = () => /name="idempotencyKey" value="([0-9a-f-]{36})"/.exec(form.text)![1]!;
    const room = await pageHtml(`${consolePage}/rooms`, organiser, {
      origin: web.url,
      body: { idempotencyKey: key(), venueId: chengdu, name: 'Main hall', capacity: '300' },
    });
    expect([room.status, room.location]).toEqual([303, `/console/m/${missionId}/programme?added=room`]);
    const venues = await call(`${url}/venues`);
    const hallId = venues.body.items.find((venue: { id: string }) => venue.id === chengdu).rooms[0].id;
    const panelForm = {
      idempotencyKey: '0b0c7a51-3f0e-4a8e-9d44-5f5b7b6c1d21',
      parentSessionId: forum,
      kind: 'panel_discussion',
      title: 'Panel 1: e-mobility',
      titleZh: '第一场：电动出行',
      startsAt: '2019-06-12T09:30',
      endsAt: '2019-06-12T10:30',
      venueId: '',
      roomId: hallId,
      capacity: '',
      languages: 'en, zh',
      moderator: 'Laura Bianchi',
      panellist: 'Wang Fang',
    };
    const added = await pageHtml(`${consolePage}/sessions`, organiser, { origin: web.url, body: panelForm });
    expect([added.status, added.location]).toEqual([303, `/console/m/${missionId}/programme?added=session`]);
    // Outside the forum: refused beside the form, in words.
    const outside = await pageHtml(`${consolePage}/sessions`, organiser, {
      origin: web.url,
      body: { ...panelForm, idempotencyKey: '5e9e4c1c-0a43-4bde-8f7e-2c8a9f3e6b10', startsAt: '2019-06-12T12:00', endsAt: '2019-06-12T13:00' },
    });
    expect(outside.status).toBe(409);
    expect(outside.text).toContain('The session was not added');

    const page = await pageHtml(consolePage, organiser);
    const rows = [...page.text.matchAll(/<tr data-session="([0-9a-f-]{36})" data-depth="(\d)"/g)].map((match) => [match[1], Number(match[2])]);
    expect(rows.map(([, depth]) => depth)).toEqual([0, 1]);
    expect(rows[0]![0]).toBe(forum);
    expect(page.text).toContain('Part of EU-China Forum');
    expect(page.text).toContain('Main hall, Tianfu Software Park, Chengdu');
    const [panel] = (await call(`${url}/sessions`, { token })).body.items.filter((item: { parentSessionId: string | null }) => item.parentSessionId === forum);
    expect(panel).toMatchObject({ title: 'Panel 1: e-mobility', titles: { zh: '第一场：电动出行' }, startsAt: '2019-06-12T01:30:00.000Z', capacity: 300 });

    // The participant's programme, in Chinese: the panel under its forum, in its room.
    await release(system, token, missionId);
    const li = await participant(system, missionId, 7, { preferredLanguage: 'zh' });
    const mine = await pageHtml(`${web.url}/p/${li.id}/agenda?lang=zh`, `mh_participant=${li.token}`);
    expect(mine.status).toBe(200);
    expect(mine.text).toMatch(/<li id="session-[0-9a-f-]{36}" aria-labelledby="programme-[0-9a-f-]{36}" class="session--nested session--depth-1">/);
    expect(mine.text).toContain('第一场：电动出行');
    expect(mine.text).toContain('属于EU-China Forum');
    expect(mine.text).toContain('房间：Main hall');
  }, 120_000);
});
