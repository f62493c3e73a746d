/**
 * Outages and abuse of the messaging backbone on the real services: a database that goes away for a
 * minute under the consumers, a publishing channel the broker closes, a broker out of reach, events
 * published before their consumer ever ran, dead letters of both kinds replayed both ways, and an
 * event that claims a source it does not own.
 */
import { createEvent, type CloudEvent } from '#contracts';
import { listDeadLetters, queueNames, replayDeadLetters } from '#messaging';
import amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { call, missionInput, openMission, registrationInput, type ApiResponse } from './support/api.js';
import { eventually } from './support/eventually.js';
import { closeVhostConnections, queuesIn, rabbitmqctl, readyMessages, TEST_DATABASE_URL, withDatabase } from './support/isolation.js';
import { notificationsSettled } from './support/notifications.js';
import { eventsHandled, outboxRelayed } from './support/settled.js';
import { useSystem, type TestSystem } from './support/system.js';
import { TcpProxy } from './support/tcp-proxy.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Messages in every dead-letter queue of the run, by queue. */
async function deadLettered(system: TestSystem): Promise<Record<string, number>> {
  const dead = (await queuesIn(system.vhost)).filter((queue) => queue.endsWith('.dead'));
  return Object.fromEntries([...(await readyMessages(system.rabbitmqUrl, dead))].filter(([, count]) => count > 0));
}

async function confirmedOnDashboard(system: TestSystem, missionId: string, token: string): Promise<number | undefined> {
  const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
  return summary.body?.registrations?.byStatus?.confirmed;
}

async function brokerHealth(system: TestSystem, service: 'registration' | 'scheduling'): Promise<ApiResponse> {
  return call(`${system.url(service)}/health/broker`);
}

describe('the database out of reach of the consumers for 60 s in the middle of a burst', () => {
  // Scheduling, notifications and the dashboard reach Postgres through a proxy the test cuts; registration, the
  // source of the burst, does not (as with databases of their own), so it goes on taking registrations throughout.
  const proxy = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(TEST_DATABASE_URL).port || 5432) });
  beforeAll(() => proxy.start());
  const system = useSystem({
    services: ['scheduling', 'registration', 'notifications', 'dashboard'],
    env: (service): Record<string, string> => (service === 'registration' ? {} : { DATABASE_URL: proxy.urlFor(TEST_DATABASE_URL) }),
  });
  afterAll(() => proxy.stop());

  it('dead-letters nothing, and handles every event once when the database is back', async () => {
    const { missionId, token } = await openMission(system, { capacity: 10_000 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const requests: Promise<ApiResponse>[] = [];
    const register = () => requests.push(call(url, { body: registrationInput(20_000 + requests.length) }));

    for (let n = 0; n < 40; n++) {
      register();
      await pause(20);
    }
    await eventually(() => system.tap.ofType('registration.confirmed', (event) => event.missionid === missionId).length >= 10, {
      what: 'the burst under way',
    });
    proxy.cutOff();
    const cutAt = Date.now();
    try {
      // The burst goes on while the consumers' database is away: every one of these events meets the outage.
      for (let n = 0; n < 40; n++) {
        register();
        await pause(500);
      }
      // Past the 36 s of the three retries (1 s, 5 s, 30 s): before the fix, every event met here was dead-lettered by now.
      await eventually(() => Date.now() - cutAt >= 55_000, { timeoutMs: 70_000, intervalMs: 500, what: 'most of the minute' });
      expect(await deadLettered(system)).toEqual({});
      await eventually(() => Date.now() - cutAt >= 60_000, { timeoutMs: 10_000, intervalMs: 200, what: 'the minute' });
    } finally {
      proxy.restore();
    }

    const responses = await Promise.all(requests);
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    const addresses = responses.map((_, n) => `delegate${20_000 + n}@example.org`);
    await eventually(async () => (await confirmedOnDashboard(system, missionId, token)) === responses.length, {
      what: `the dashboard to count all ${responses.length}`,
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    await eventually(() => addresses.every((address) => system.smtp.to(address).length >= 1), { what: 'an e-mail to each', timeoutMs: 60_000 });
    await outboxRelayed(system, 'registration');
    await Promise.all((['dashboard', 'scheduling'] as const).map((service) => eventsHandled(system, service)));
    await notificationsSettled(system);

    // One message each: a mail sent just before the cut whose outcome could not be recorded goes again after its lease, as the same message (Message-ID).
    expect(addresses.filter((address) => new Set(system.smtp.to(address).map((mail) => mail.messageId)).size !== 1)).toEqual([]);
    expect(await confirmedOnDashboard(system, missionId, token)).toBe(responses.length);
    const enrolled = await withDatabase((client) =>
      client.query(`SELECT count(*)::int AS n FROM "${system.schemaOf('scheduling')}".inbox WHERE event_id = ANY($1::uuid[])`, [
        system.tap.ofType('registration.confirmed', (event) => event.missionid === missionId).map((event) => event.id),
      ]),
    );
    // Scheduling took each registration.confirmed once (its inbox holds one row per event and handler).
    expect(enrolled.rows[0].n).toBe(system.tap.ofType('registration.confirmed', (event) => event.missionid === missionId).length);
    expect(await deadLettered(system)).toEqual({});
  }, 360_000);
});

describe('the broker away or refusing, and events that claim a source they do not own', () => {
  const system = useSystem({ services: ['scheduling', 'registration'] });

  it('refuses an event whose source is not the service that owns its type, dead-letters it with the reason, and stores nothing', async () => {
    const missionId = randomUUID();
    const input = missionInput();
    const genuine = createEvent('scheduling', 'mission.created', { ...input, missionId } as never, { subject: missionId, missionId });
    // Registration speaks for registrations only; a mission is scheduling's to announce.
    const forged = { ...genuine, source: '/mission-hub/registration' } as CloudEvent;

    await system.producer.publish(forged);

    const letter = await eventually(
      async () =>
        (await listDeadLetters({ url: system.rabbitmqUrl, exchange: system.exchange, service: 'registration' })).find((dead) => dead.messageId === forged.id),
      { what: 'the forged event dead-lettered' },
    );
    expect(letter.reason).toBe('source /mission-hub/registration does not own mission.created: only /mission-hub/scheduling publishes it');
    const stored = await withDatabase((client) => client.query(`SELECT 1 FROM "${system.schemaOf('registration')}".missions WHERE id = $1`, [missionId]));
    expect(stored.rowCount).toBe(0);
    const token = system.organiserToken();
    const settings = await call(`${system.url('registration')}/api/missions/${missionId}/registration-settings`, {
      method: 'PUT',
      token,
      body: { capacity: 10, approval: 'automatic' },
    });
    expect(settings.status).toBe(404);
  });

  it('stays ready while the broker is out of reach, takes writes, and says so in its broker health', async () => {
    const { missionId } = await openMission(system);
    await rabbitmqctl('clear_permissions', '-p', system.vhost, 'guest');
    let registered: ApiResponse;
    try {
      await closeVhostConnections(system.vhost);
      const down = await eventually(
        async () => {
          const health = await brokerHealth(system, 'registration');
          return health.status === 503 && health.body.broker.connection === 'down' && health.body;
        },
        { what: "registration's broker health to say the connection is down" },
      );
      expect(down.broker.up).toBe(false);
      for (const service of ['registration', 'scheduling'] as const) {
        const ready = await call(`${system.url(service)}/health/ready`);
        expect([service, ready.status, ready.body.dependencies.broker.connection]).toEqual([service, 200, 'down']);
      }
      registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(1) });
      expect(registered.status).toBe(201);
    } finally {
      await rabbitmqctl('set_permissions', '-p', system.vhost, 'guest', '.*', '.*', '.*');
    }
    await system.tap.waitFor('registration.confirmed', (event) => event.subject === registered.body.id, 30_000);
    await eventually(async () => (await brokerHealth(system, 'registration')).status === 200, { what: 'the broker health back to 200' });
  });

  it('opens its publishing channel again after the broker refused it, publishes what waited without a restart, and says so meanwhile', async () => {
    const { missionId } = await openMission(system);
    // Publishing refused: a new channel cannot bind the queues it declares (403), so the publisher has none until it is allowed again.
    await rabbitmqctl('set_permissions', '-p', system.vhost, 'guest', '.*', '^$', '.*');
    let registered: ApiResponse;
    try {
      // A channel that has published keeps its permission checks cached: channels opened from now on meet the new ones.
      await closeVhostConnections(system.vhost);
      registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(2) });
      expect(registered.status).toBe(201);
      const broken = await eventually(
        async () => {
          const health = await brokerHealth(system, 'registration');
          const { broker } = health.body;
          return (
            health.status === 503 &&
            broker.connection === 'up' &&
            broker.publishingChannel === 'closed' &&
            /ACCESS.REFUSED/.test(broker.lastChannelError ?? '') &&
            broker.oldestUnpublishedSeconds >= 1 &&
            health.body
          );
        },
        { what: 'the broker health to say the connection is up, the publishing channel refused and an event waiting', timeoutMs: 30_000 },
      );
      // The connection itself stayed up; readiness is the database's.
      expect(broken.broker.connection).toBe('up');
      expect(broken.broker.lastChannelError).toMatch(/ACCESS.REFUSED/);
      expect((await call(`${system.url('registration')}/health/ready`)).status).toBe(200);
    } finally {
      await rabbitmqctl('set_permissions', '-p', system.vhost, 'guest', '.*', '.*', '.*');
    }

    await system.tap.waitFor('registration.confirmed', (event) => event.subject === registered.body.id, 30_000);
    const healed = await eventually(
      async () => {
        const health = await brokerHealth(system, 'registration');
        // The outbox's age is measured by the relay's passes: it reads 0 at the pass after the publish.
        return health.status === 200 && health.body.broker.oldestUnpublishedSeconds === 0 && health.body;
      },
      { what: 'the broker health back to 200, with nothing waiting' },
    );
    expect(healed.broker).toMatchObject({ connection: 'up', publishingChannel: 'open', oldestUnpublishedSeconds: 0 });
  });
});

describe('an event published before its consumer ever started', () => {
  // A fresh vhost: scheduling runs alone, registration has never declared anything.
  const system = useSystem({ services: ['scheduling', 'registration'], deferred: ['registration'] });

  it('waits in the consumer’s queue and is handled once the consumer starts', async () => {
    const token = system.organiserToken();
    const created = await call(`${system.url('scheduling')}/api/missions`, { token, body: missionInput() });
    expect(created.status).toBe(201);
    await outboxRelayed(system, 'scheduling');

    await system.startService('registration');

    const url = `${system.url('registration')}/api/missions/${created.body.id}/registration-settings`;
    await eventually(async () => (await call(url, { method: 'PUT', token, body: { capacity: 10, approval: 'automatic' } })).status === 200, {
      what: 'registration to know the mission created before it started',
      timeoutMs: 30_000,
    });
  });
});

describe('dead-letter replay', () => {
  const system = useSystem({ services: ['scheduling', 'registration'] });

  async function createMission(code: string): Promise<CloudEvent> {
    const created = await call(`${system.url('scheduling')}/api/missions`, { token: system.organiserToken(), body: missionInput({ code }) });
    expect(created.status).toBe(201);
    return system.tap.waitFor('mission.created', (event) => (event.data as { code: string }).code === code);
  }

  const target = () => ({ url: system.rabbitmqUrl, exchange: system.exchange, service: 'registration' });
  const deadLetter = (event: CloudEvent, timeoutMs = 15_000) =>
    eventually(async () => (await listDeadLetters(target())).find((letter) => letter.messageId === event.id), {
      what: `${(event.data as { code: string }).code} dead-lettered`,
      timeoutMs,
      intervalMs: 500,
    });

  it('replays dead letters of the retry policy and of the delivery limit, by the queue and by the exchange, each handled once', async () => {
    const schema = system.schemaOf('registration');
    const suffix = Date.now().toString(36);
    // Registration's handler fails for these missions (a statement refused, not an outage) until the test lets it.
    await withDatabase((client) =>
      client.query(`
        CREATE FUNCTION "${schema}".refuse_doomed() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.code LIKE 'DOOMED-%' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_doomed BEFORE INSERT ON "${schema}".missions FOR EACH ROW EXECUTE FUNCTION "${schema}".refuse_doomed()`),
    );
    const byRetries = [await createMission(`DOOMED-1-${suffix}`), await createMission(`DOOMED-2-${suffix}`)];
    // After 1 s, 5 s and 30 s of retries.
    for (const event of byRetries) expect((await deadLetter(event, 60_000)).reason).toMatch(/handler failed after 3 retries: .*refused by the test/);

    // The delivery limit: a consumer that never settles them (here the test's own, nacking) while registration is stopped.
    await system.stopService('registration');
    const atTheLimit = [await createMission(`LIMIT-1-${suffix}`), await createMission(`LIMIT-2-${suffix}`)];
    await outboxRelayed(system, 'scheduling');
    const connection = await amqp.connect(system.rabbitmqUrl);
    try {
      const channel = await connection.createChannel();
      await channel.consume(queueNames('registration').main, (message) => message && channel.nack(message, false, true));
      for (const event of atTheLimit) expect((await deadLetter(event)).reason).toMatch(/delivery_limit/);
    } finally {
      await connection.close();
    }
    await system.startService('registration');

    await withDatabase((client) => client.query(`DROP TRIGGER refuse_doomed ON "${schema}".missions`));
    for (const event of [byRetries[0]!, atTheLimit[0]!]) expect(await replayDeadLetters(target(), { messageId: event.id })).toBe(1);
    for (const event of [byRetries[1]!, atTheLimit[1]!]) expect(await replayDeadLetters(target(), { messageId: event.id }, true)).toBe(1);

    const ids = [...byRetries, ...atTheLimit].map((event) => event.id);
    const missionIds = [...byRetries, ...atTheLimit].map((event) => (event.data as { missionId: string }).missionId);
    await eventually(
      async () => {
        const known = await withDatabase((client) =>
          client.query(`SELECT count(*)::int AS n FROM "${schema}".missions WHERE id = ANY($1::uuid[])`, [missionIds]),
        );
        return known.rows[0].n === 4;
      },
      { what: 'registration to know the four missions', timeoutMs: 30_000 },
    );
    await eventsHandled(system, 'registration');
    const handled = await withDatabase((client) =>
      client.query(`SELECT event_id, count(*)::int AS n FROM "${schema}".inbox WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`, [ids]),
    );
    expect(handled.rows.map((row) => row.n)).toEqual([1, 1, 1, 1]);
    expect(await listDeadLetters(target())).toEqual([]);
  }, 180_000);
});
