import { hashParticipantToken, signOrganiserToken } from '#common';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { SseClient } from './support/sse.js';
import { JWT_SECRET, useSystem } from './support/system.js';

describe('a registration, from the form to the participant’s inbox and the organiser’s dashboard', () => {
  const system = useSystem();

  it('confirms a registration, mails the participant in Chinese and shows it live on the dashboard', async () => {
    const { missionId, token } = await openMission(system, { capacity: 10 });
    const stream = await new SseClient(`${system.url('dashboard')}/api/missions/${missionId}/stream`, { authorization: `Bearer ${token}` }).open();
    expect(stream.status).toBe(200);

    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, {
      body: registrationInput(1, {
        email: 'Li.Wei@Example.CN',
        givenName: '伟',
        familyName: '李',
        preferredLanguage: 'zh-CN',
        timezone: 'Asia/Shanghai',
        organisation: { name: '成都高新区', type: 'government', country: 'CN', city: 'Chengdu' },
        delegation: 'Chengdu',
      }),
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({ id: expect.any(String), status: 'confirmed', accessToken: expect.any(String) });
    const registrationId = registered.body.id;

    const confirmed = await system.tap.waitFor('registration.confirmed', (event) => event.subject === registrationId);
    expect(confirmed.missionid).toBe(missionId);
    expect(confirmed.data).toMatchObject({ accessTokenHash: hashParticipantToken(registered.body.accessToken) });

    const live = await stream.waitFor(
      (event) => event.type === 'registration.confirmed' && event.data.subject === registrationId,
      'the confirmation on the stream',
    );
    expect(Number(live.id)).toBeGreaterThan(0);
    expect(live.data.id).toBe(confirmed.id);

    const mail = await system.smtp.waitFor((received) => received.eventId === confirmed.id, 'the confirmation e-mail');
    expect(mail.to).toEqual(['li.wei@example.cn']);
    expect(mail.subject + mail.text).toMatch(/[\u4e00-\u9fff]/);
    expect(mail.messageId).toMatch(/^<.+@.+>$/);

    const sent = await system.tap.waitFor('notification.sent', (event) => (event.data as any).causeEventId === confirmed.id);
    expect(sent.correlationid).toBe(confirmed.correlationid);

    const own = await call(`${system.url('registration')}/api/registrations/${registrationId}`, { token: registered.body.accessToken });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: registrationId, status: 'confirmed', missionId });
    expect(JSON.stringify(own.body)).not.toMatch(/hash/i);

    const summary = await eventually(
      async () => {
        const response = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
        return response.body?.registrations?.byStatus?.confirmed === 1 ? response.body : undefined;
      },
      { what: 'the summary to count the registration' },
    );
    expect(JSON.stringify(summary.registrations)).toContain('Chengdu');
    await stream.close();
  });

  it('promotes the first waitlisted participant when a confirmed one cancels, and tells them', async () => {
    const { missionId } = await openMission(system, { capacity: 1 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const first = await call(url, { body: registrationInput(10) });
    const second = await call(url, { body: registrationInput(11) });
    const third = await call(url, { body: registrationInput(12) });
    expect([first.body.status, second.body.status, third.body.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);

    const cancelled = await call(`${system.url('registration')}/api/registrations/${first.body.id}/cancel`, { method: 'POST', token: first.body.accessToken });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    const promotion = await system.tap.waitFor('registration.confirmed', (event) => event.subject === second.body.id);
    expect(promotion.data).toMatchObject({ previousStatus: 'waitlisted', status: 'confirmed', accessTokenHash: hashParticipantToken(second.body.accessToken) });
    await system.smtp.waitFor((mail) => mail.eventId === promotion.id && mail.to.includes('delegate11@example.org'), 'the promotion e-mail');
    await system.smtp.waitFor((mail) => mail.to.includes('delegate10@example.org') && /cancel/i.test(mail.subject + mail.text), 'the cancellation e-mail');

    const again = await call(`${system.url('registration')}/api/registrations/${first.body.id}/cancel`, { method: 'POST', token: first.body.accessToken });
    expect(again.status).toBe(409);
    const stillWaiting = await call(`${system.url('registration')}/api/registrations/${third.body.id}`, { token: third.body.accessToken });
    expect(stillWaiting.body.status).toBe('waitlisted');
  });

  it('holds registrations for an organiser’s approval, then confirms or rejects them', async () => {
    const { missionId, token } = await openMission(system, { capacity: 5, approval: 'manual' });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const applicant = await call(url, { body: registrationInput(20) });
    const other = await call(url, { body: registrationInput(21) });
    expect(applicant.body.status).toBe('pending_approval');
    const submitted = await system.tap.waitFor('registration.submitted', (event) => event.subject === applicant.body.id);
    await system.smtp.waitFor((mail) => mail.eventId === submitted.id, 'the pending-approval e-mail');

    const approved = await call(`${system.url('registration')}/api/registrations/${applicant.body.id}/approve`, { method: 'POST', token });
    expect(approved.body.status).toBe('confirmed');
    const rejected = await call(`${system.url('registration')}/api/registrations/${other.body.id}/reject`, {
      method: 'POST',
      token,
      body: { reason: 'The delegation is full.' },
    });
    expect(rejected.body.status).toBe('rejected');
    const refused = await call(`${system.url('registration')}/api/registrations/${other.body.id}/approve`, { method: 'POST', token });
    expect(refused.status).toBe(409);

    const checkIn = await call(`${system.url('registration')}/api/registrations/${applicant.body.id}/check-in`, { method: 'POST', token });
    expect(checkIn.status).toBe(200);
    await system.tap.waitFor('participant.checked_in', (event) => event.subject === applicant.body.id);
    await system.tap.waitFor('registration.rejected', (event) => event.subject === other.body.id);
  });

  it('refuses a second registration with the same e-mail in any case, and replays an Idempotency-Key', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const body = registrationInput(30, {
      email: 'Maria.Rossi@comune.roma.it',
      delegation: 'Rome',
      organisation: { name: 'Roma Capitale', type: 'city', country: 'IT' },
    });
    const first = await call(url, { body, headers: { 'idempotency-key': 'form-submit-30' } });
    const replay = await call(url, { body, headers: { 'idempotency-key': 'form-submit-30' } });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const reused = await call(url, { body: { ...body, familyName: 'Bianchi' }, headers: { 'idempotency-key': 'form-submit-30' } });
    expect(reused.status).toBe(422);

    const duplicate = await call(url, { body: { ...body, email: 'maria.rossi@COMUNE.ROMA.IT' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toMatch(/application\/problem\+json/);

    const list = await call(`${url}?delegation=Rome`, { token });
    expect(list.body.items).toHaveLength(1);
  });

  it('answers repeats sent while the first is still running with its response, never 409, and stores one registration', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const body = registrationInput(31);
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(url, { body, headers: { 'idempotency-key': 'double-click-31' } })));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    const list = await call(url, { token });
    expect(list.body.items).toHaveLength(1);
  });

  it('lists a mission’s registrations with filters, pages and CSV, to its organisers only', async () => {
    const { missionId, token } = await openMission(system, { capacity: 3 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    for (let n = 40; n < 45; n++) {
      const body = registrationInput(
        n,
        n % 2
          ? { delegation: 'Granada', organisation: { name: 'Universidad de Granada', type: 'education', country: 'ES' } }
          : { delegation: 'Stuttgart Region', organisation: { name: 'Wirtschaftsförderung Region Stuttgart', type: 'government', country: 'DE' } },
      );
      expect((await call(url, { body })).status).toBe(201);
    }
    const firstPage = await call(`${url}?limit=2`, { token });
    expect(firstPage.body.items).toHaveLength(2);
    const secondPage = await call(`${url}?limit=2&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`, { token });
    const thirdPage = await call(`${url}?limit=2&cursor=${encodeURIComponent(secondPage.body.nextCursor)}`, { token });
    expect(thirdPage.body.nextCursor).toBeNull();
    const ids = [...firstPage.body.items, ...secondPage.body.items, ...thirdPage.body.items].map((item: any) => item.id);
    expect(new Set(ids).size).toBe(5);

    expect((await call(`${url}?country=DE`, { token })).body.items).toHaveLength(3);
    expect((await call(`${url}?status=waitlisted`, { token })).body.items).toHaveLength(2);

    const csv = await call(`${url}?format=csv`, { token });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(csv.body).trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(csv.body).toContain('Wirtschaftsförderung Region Stuttgart');

    const anonymous = await call(url);
    expect(anonymous.status).toBe(401);
  });

  it('refuses an organiser of another mission everywhere, and a participant reading another’s registration', async () => {
    const { missionId } = await openMission(system);
    const otherMission = await openMission(system);
    const outsider = system.organiserToken([otherMission.missionId], 'other-organiser@test');
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(50) });
    const stranger = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(51) });

    for (const [url, init] of [
      [`${system.url('registration')}/api/missions/${missionId}/registrations`, {}],
      [`${system.url('registration')}/api/registrations/${registered.body.id}`, {}],
      [`${system.url('registration')}/api/registrations/${registered.body.id}/cancel`, { method: 'POST' }],
      [`${system.url('registration')}/api/missions/${missionId}/registration-settings`, { method: 'PUT', body: { capacity: 1, approval: 'automatic' } }],
      [`${system.url('dashboard')}/api/missions/${missionId}/summary`, {}],
      [`${system.url('dashboard')}/api/missions/${missionId}/stream`, {}],
    ] as const) {
      const response = await call(url, { ...init, token: outsider });
      expect({ url, status: response.status }).toEqual({ url, status: 403 });
    }
    const peek = await call(`${system.url('registration')}/api/registrations/${registered.body.id}`, { token: stranger.body.accessToken });
    expect(peek.status).toBe(403);
    const forged = await call(`${system.url('registration')}/api/registrations/${registered.body.id}`, { token: 'mhp_forged-token' });
    expect(forged.status).toBe(401);
    const stillThere = await call(`${system.url('registration')}/api/registrations/${registered.body.id}`, { token: registered.body.accessToken });
    expect(stillThere.body.status).toBe('confirmed');
  });
});

describe('the organiser’s stream after a disconnection', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'dashboard'] });

  it('resumes after Last-Event-ID with exactly what was missed, in order', async () => {
    const { missionId, token } = await openMission(system, { capacity: 50 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const streamUrl = `${system.url('dashboard')}/api/missions/${missionId}/stream`;
    const first = await new SseClient(streamUrl, { authorization: `Bearer ${token}` }).open();
    const early = await call(url, { body: registrationInput(60) });
    const seen = await first.waitFor((event) => event.data.subject === early.body.id, 'the first registration');
    await first.close();

    const missed: string[] = [];
    for (let n = 61; n < 66; n++) missed.push((await call(url, { body: registrationInput(n) })).body.id);
    await eventually(
      async () => {
        const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
        return summary.body?.registrations?.total === 6;
      },
      { what: 'the dashboard to have the missed registrations' },
    );

    const resumed = await new SseClient(streamUrl, { authorization: `Bearer ${token}`, 'last-event-id': String(seen.id) }).open();
    await resumed.waitFor((event) => event.data.subject === missed.at(-1), 'the last missed registration');
    const events = resumed.events();
    expect(events.map((event) => event.data.subject)).toEqual(missed);
    const positions = events.map((event) => Number(event.id));
    expect(positions[0]).toBeGreaterThan(Number(seen.id));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    // EventSource cannot send headers: the same resumption with query parameters.
    const browser = await new SseClient(`${streamUrl}?access_token=${encodeURIComponent(token)}&lastEventId=${positions.at(-2)}`).open();
    await browser.waitFor((event) => event.data.subject === missed.at(-1), 'the last event, from the query-string resumption');
    expect(browser.events().map((event) => event.data.subject)).toEqual([missed.at(-1)]);
    await Promise.all([resumed.close(), browser.close()]);
  });

  it('ends when the organiser’s token expires, and the token opens it no more', async () => {
    const { missionId } = await openMission(system);
    const streamUrl = `${system.url('dashboard')}/api/missions/${missionId}/stream`;
    // Valid for 2 s from the second it was signed in: at least 1 s from now.
    const signedAt = Date.now();
    const shortLived = signOrganiserToken(JWT_SECRET, { sub: 'organiser@test', role: 'organiser', missions: [missionId] }, 2);
    const stream = await new SseClient(streamUrl, { authorization: `Bearer ${shortLived}` }).open();
    expect(stream.status).toBe(200);
    await eventually(() => stream.endedByServer, { what: 'the stream to end with its token', timeoutMs: 15_000 });
    // Not before: a stream cut at once would pass the wait above too.
    expect(Date.now() - signedAt).toBeGreaterThanOrEqual(900);
    const again = await new SseClient(streamUrl, { authorization: `Bearer ${shortLived}` }).open();
    expect(again.status).toBe(401);
  });

  it('takes a token in the query string on the stream only', async () => {
    const { missionId, token } = await openMission(system);
    const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary?access_token=${encodeURIComponent(token)}`);
    expect(summary.status).toBe(401);
    const stream = await new SseClient(`${system.url('dashboard')}/api/missions/${missionId}/stream?access_token=${encodeURIComponent(token)}`).open();
    expect(stream.status).toBe(200);
    await stream.close();
  });
});
