import { deriveParticipantToken, hashParticipantToken, signParticipantLink } from '#common';
import type { CloudEvent } from '#contracts';
import { randomBytes } from 'node:crypto';
import { call, listAll, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { notificationsSettled } from './support/notifications.js';
import { outboxRelayed } from './support/settled.js';
import type { ReceivedMail } from './support/smtp-sink.js';
import { SseClient } from './support/sse.js';
import { PARTICIPANT_LINK_SECRET, PARTICIPANT_TOKEN_SECRET, useSystem, WEB_BASE_URL } from './support/system.js';

/** The sign-in link (the JWT) of a mail, from its text; the HTML carries the same one. */
function linkIn(mail: ReceivedMail): string {
  const match = new RegExp(`${WEB_BASE_URL.replaceAll('.', '\\.')}/p/sign-in\\?link=([A-Za-z0-9_.-]+)`).exec(mail.text);
  if (!match) throw new Error(`no sign-in link in the mail "${mail.subject}"`);
  return match[1]!;
}

describe('participant links: sign-in with the e-mailed link, a link sent again, revocation', () => {
  const system = useSystem();
  /** Every link and access token the tests have seen: none of them may appear on the broker, in the dashboard's log or in the delivery log. */
  const credentials = new Set<string>();
  let addressCounter = 0;
  /** A client address of its own for each request that should not count against another test's (the services trust loopback proxies). */
  const fromAddress = () => ({ 'x-forwarded-for': `198.51.100.${++addressCounter}` });

  const registration = () => system.url('registration');
  const signIn = (link: string) => call(`${registration()}/api/participant-sessions`, { body: { link } });
  const agenda = (missionId: string, registrationId: string, token: string) =>
    call(`${system.url('scheduling')}/api/missions/${missionId}/participants/${registrationId}/agenda`, { token });

  async function register(missionId: string, n: number, overrides: Record<string, unknown> = {}) {
    const registered = await call(`${registration()}/api/missions/${missionId}/registrations`, { body: registrationInput(n, overrides) });
    expect(registered.status).toBe(201);
    credentials.add(registered.body.accessToken);
    const outcome = await system.tap.waitFor(
      `registration.${registered.body.status === 'pending_approval' ? 'submitted' : registered.body.status}`,
      (event) => event.subject === registered.body.id,
    );
    const mail = await system.smtp.waitFor((received) => received.eventId === outcome.id, 'the registration e-mail');
    const link = linkIn(mail);
    credentials.add(link);
    return { id: registered.body.id as string, accessToken: registered.body.accessToken as string, mail, link };
  }

  async function mailFor(type: string, registrationId: string): Promise<{ event: CloudEvent; mail: ReceivedMail; link: string }> {
    const event = await system.tap.waitFor(type, (candidate) => candidate.subject === registrationId);
    const mail = await system.smtp.waitFor((received) => received.eventId === event.id, `the e-mail for ${type}`);
    const link = linkIn(mail);
    credentials.add(link);
    return { event, mail, link };
  }

  it('signs in with the link in the registration e-mail: the access token reads the registration and the agenda', async () => {
    const { missionId } = await openMission(system);
    const li = await register(missionId, 1, {
      email: 'li.wei@example.cn',
      givenName: '伟',
      familyName: '李',
      preferredLanguage: 'zh-CN',
      timezone: 'Asia/Shanghai',
      organisation: { name: '成都高新区', type: 'government', country: 'CN', city: 'Chengdu' },
      delegation: 'Chengdu',
    });
    expect(li.mail.text).toContain(`管理您的报名：${WEB_BASE_URL}/p/sign-in?link=`);
    expect(li.accessToken).toBe(deriveParticipantToken(PARTICIPANT_TOKEN_SECRET, li.id, 1).token);

    const session = await signIn(li.link);
    expect(session.status).toBe(201);
    expect(session.body).toEqual({ registrationId: li.id, missionId, accessToken: li.accessToken });
    // Again: a link is good until it expires or a newer one replaces it.
    expect((await signIn(li.link)).body.accessToken).toBe(li.accessToken);

    const own = await call(`${registration()}/api/registrations/${li.id}`, { token: session.body.accessToken });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: li.id, email: 'li.wei@example.cn', status: 'confirmed' });
    await eventually(async () => (await agenda(missionId, li.id, session.body.accessToken)).status === 200, { what: 'scheduling to take the token' });

    const english = await register(missionId, 2);
    expect(english.mail.text).toContain(`Manage your registration: ${WEB_BASE_URL}/p/sign-in?link=`);
    expect(english.mail.headers.get('content-type')).toBeDefined();
  });

  it('answers the same for an unknown and a known address, mails only the known one, whose new link works while the old one is refused', async () => {
    const { missionId } = await openMission(system);
    const ana = await register(missionId, 10);
    const ask = (email: string) => call(`${registration()}/api/missions/${missionId}/access-links`, { body: { email }, headers: fromAddress() });

    const unknown = await ask('nobody@example.org');
    const known = await ask('DELEGATE10@example.org');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.headers.get('content-type')).toBe(known.headers.get('content-type'));

    const requested = await mailFor('participant.access_link_requested', ana.id);
    expect(requested.mail.to).toEqual(['delegate10@example.org']);
    expect(requested.mail.subject).toMatch(/sign-in link/);
    expect(requested.link).not.toBe(ana.link);

    const fresh = await signIn(requested.link);
    expect(fresh.status).toBe(201);
    expect(fresh.body.accessToken).toBe(ana.accessToken);
    const old = await signIn(ana.link);
    expect(old.status).toBe(401);
    expect(old.body.type).toBe('https://mission-hub.dev/problems/sign-in-link-superseded');

    // Asked again within the minute: the same answer, no second mail, and the link just mailed stays good.
    expect((await ask('delegate10@example.org')).body).toEqual(known.body);
    await notificationsSettled(system);
    await outboxRelayed(system, 'registration');
    await system.tap.caughtUp();
    expect(system.tap.ofType('participant.access_link_requested', (event) => event.subject === ana.id)).toHaveLength(1);
    expect(system.smtp.to('delegate10@example.org').filter((mail) => /sign-in link/.test(mail.subject))).toHaveLength(1);
    expect(system.smtp.to('nobody@example.org')).toEqual([]);
    expect((await signIn(requested.link)).status).toBe(201);
  });

  it('revokes access: the old token ends in registration and scheduling, and a new link is mailed', async () => {
    const { missionId, token: organiser } = await openMission(system);
    const ben = await register(missionId, 20);
    await eventually(async () => (await agenda(missionId, ben.id, ben.accessToken)).status === 200, { what: 'scheduling to take the token' });

    const revoked = await call(`${registration()}/api/registrations/${ben.id}/access/revoke`, { method: 'POST', token: ben.accessToken });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ registrationId: ben.id });
    expect(JSON.stringify(revoked.body)).not.toContain('mhp_');

    expect((await call(`${registration()}/api/registrations/${ben.id}`, { token: ben.accessToken })).status).toBe(401);
    await eventually(async () => (await agenda(missionId, ben.id, ben.accessToken)).status === 401, {
      what: 'scheduling to refuse the revoked token',
    });
    expect((await signIn(ben.link)).status).toBe(401);

    const fresh = await mailFor('participant.access_revoked', ben.id);
    expect(fresh.event.data).toMatchObject({ revokedBy: 'participant', tokenGeneration: 2, linkGeneration: 2 });
    const session = await signIn(fresh.link);
    expect(session.status).toBe(201);
    credentials.add(session.body.accessToken);
    expect(session.body.accessToken).not.toBe(ben.accessToken);
    expect((fresh.event.data as { accessTokenHash: string }).accessTokenHash).toBe(hashParticipantToken(session.body.accessToken));
    expect((await call(`${registration()}/api/registrations/${ben.id}`, { token: session.body.accessToken })).status).toBe(200);
    await eventually(async () => (await agenda(missionId, ben.id, session.body.accessToken)).status === 200, { what: 'scheduling to take the new token' });
    // The old token stays refused once the new one is in (no late event puts it back).
    expect((await agenda(missionId, ben.id, ben.accessToken)).status).toBe(401);

    // An organiser of the mission may revoke too; an organiser of another mission may not.
    const other = system.organiserToken(['7c9e6679-7425-40de-944b-e07fc1f90ae7']);
    expect((await call(`${registration()}/api/registrations/${ben.id}/access/revoke`, { method: 'POST', token: other })).status).toBe(403);
    const byOrganiser = await call(`${registration()}/api/registrations/${ben.id}/access/revoke`, { method: 'POST', token: organiser });
    expect(byOrganiser.status).toBe(200);
    await system.tap.waitFor(
      'participant.access_revoked',
      (event) => event.subject === ben.id && (event.data as { revokedBy: string }).revokedBy === 'organiser',
    );
    expect((await signIn(fresh.link)).status).toBe(401);
  });

  it('refuses an expired, a tampered and a foreign link', async () => {
    const { missionId } = await openMission(system);
    const cleo = await register(missionId, 30);
    const holder = { registrationId: cleo.id, missionId, generation: 1 };

    const expired = await signParticipantLink(PARTICIPANT_LINK_SECRET, holder, new Date(Date.now() - 15 * 86_400_000), 14);
    const refusedExpired = await signIn(expired);
    expect(refusedExpired.status).toBe(401);
    expect(refusedExpired.body.type).toBe('https://mission-hub.dev/problems/sign-in-link-expired');

    const [header, payload, signature] = cleo.link.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: (await register(missionId, 31)).id })).toString('base64url')}.${signature}`;
    const foreign = await signParticipantLink('another-secret-that-is-long-enough-0123456789', holder, new Date(), 14);
    const otherMission = await signParticipantLink(PARTICIPANT_LINK_SECRET, { ...holder, missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }, new Date(), 14);
    for (const link of [tampered, foreign, otherMission, 'not-a-link']) {
      const refused = await signIn(link);
      expect(refused.status).toBe(401);
      expect(refused.body.type).toBe('https://mission-hub.dev/problems/sign-in-link-invalid');
      expect(refused.body).not.toHaveProperty('accessToken');
    }
    expect((await signIn(cleo.link)).status).toBe(201);
  });

  it('gives a registration made before derived tokens a derived token at its first sign-in, and tells the other services its hash', async () => {
    const { missionId } = await openMission(system);
    const dora = await register(missionId, 40);
    // A registration as an older version left it: a random token, of which only the hash is stored.
    const random = `mhp_${randomBytes(32).toString('base64url')}`;
    credentials.add(random);
    await withDatabase((client) =>
      client.query(`UPDATE "${system.schemaOf('registration')}".registrations SET token_hash = $2 WHERE id = $1`, [dora.id, hashParticipantToken(random)]),
    );
    expect((await call(`${registration()}/api/registrations/${dora.id}`, { token: random })).status).toBe(200);

    const session = await signIn(dora.link);
    expect(session.status).toBe(201);
    expect(session.body.accessToken).toBe(dora.accessToken);
    const renewed = await system.tap.waitFor('participant.access_token_renewed', (event) => event.subject === dora.id);
    expect(renewed.data).toMatchObject({ tokenGeneration: 1, accessTokenHash: hashParticipantToken(dora.accessToken) });
    expect((await call(`${registration()}/api/registrations/${dora.id}`, { token: random })).status).toBe(401);
    expect((await call(`${registration()}/api/registrations/${dora.id}`, { token: session.body.accessToken })).status).toBe(200);
    // Signed in again: nothing more to renew.
    await signIn(dora.link);
    await outboxRelayed(system, 'registration');
    await system.tap.caughtUp();
    expect(system.tap.ofType('participant.access_token_renewed', (event) => event.subject === dora.id)).toHaveLength(1);
  });

  it('limits requests for a link per client address: 429 with Retry-After, while another address is answered', async () => {
    const { missionId } = await openMission(system);
    const ask = (address: string) =>
      call(`${registration()}/api/missions/${missionId}/access-links`, { body: { email: 'someone@example.org' }, headers: { 'x-forwarded-for': address } });
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await ask('203.0.113.7'));
    expect(answers.slice(0, 10).map((answer) => answer.status)).toEqual(Array(10).fill(202));
    const limited = answers[10]!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(limited.body.type).toBe('https://mission-hub.dev/problems/rate-limited');
    expect((await ask('203.0.113.8')).status).toBe(202);
  });

  it('keeps every link and token off the broker, the dashboard’s event log and the delivery log', async () => {
    await outboxRelayed(system, 'registration');
    await notificationsSettled(system);
    await system.tap.caughtUp();
    expect(credentials.size).toBeGreaterThan(10);
    const leaks = (text: string) => [...credentials].filter((credential) => text.includes(credential) || text.includes(credential.split('.')[2] ?? credential));
    const onBroker = JSON.stringify(system.tap.events);
    expect(system.tap.ofType('participant.access_revoked').length).toBeGreaterThan(0);
    expect(leaks(onBroker)).toEqual([]);
    expect(onBroker).not.toMatch(/mhp_|sign-in\?link=|eyJ/);

    const token = system.organiserToken();
    const missions = [
      ...new Set(
        system.tap.events.flatMap((event) =>
          event.type === 'participant.access_revoked' || event.type === 'participant.access_link_requested' ? [event.missionid!] : [],
        ),
      ),
    ];
    for (const missionId of missions) {
      const stream = await new SseClient(`${system.url('dashboard')}/api/missions/${missionId}/stream`, { authorization: `Bearer ${token}` }).open();
      const last = system.tap.events.filter((event) => event.missionid === missionId).at(-1)!;
      await stream.waitFor((event) => event.data?.id === last.id, "the mission's last event in the dashboard's log");
      await stream.close();
      const log = JSON.stringify(stream.events());
      expect(log).toContain('participant.access_');
      expect(leaks(log)).toEqual([]);
      expect(log).not.toMatch(/mhp_|sign-in\?link=|eyJ/);

      const deliveries = await listAll(`${system.url('notifications')}/api/missions/${missionId}/deliveries`, token);
      expect(deliveries.some((delivery) => delivery.template.startsWith('participant.'))).toBe(true);
      const logged = JSON.stringify(deliveries);
      expect(leaks(logged)).toEqual([]);
      expect(logged).not.toMatch(/mhp_|sign-in\?link=|eyJ/);
    }
    // Nor in the table behind the delivery log: the messages are kept without their links.
    const stored = await withDatabase(async (client) => {
      const { rows } = await client.query(`SELECT message::text AS message FROM "${system.schemaOf('notifications')}".deliveries`);
      return rows.map((row) => row.message as string).join('\n');
    });
    expect(stored).toContain('{{sign-in-link}}');
    expect(leaks(stored)).toEqual([]);
    expect(stored).not.toMatch(/sign-in\?link=|eyJ/);
  });
});
