/**
 * RabbitMQ itself restarted in the middle of a burst, not only its connections cut: a node of the
 * test's own (never the machine's broker), stopped and started again with its data while
 * registrations keep coming.
 */
import { call, openMission, registrationInput, type ApiResponse } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { RabbitmqNode } from './support/rabbitmq-node.js';
import { useSystem } from './support/system.js';

describe('RabbitMQ restarted under load', () => {
  const broker = new RabbitmqNode();
  beforeAll(() => broker.start(), 240_000);
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications', 'dashboard'], rabbitmqUrl: () => broker.url });
  afterAll(() => broker.remove(), 120_000);

  it('loses nothing and doubles nothing', async () => {
    const { missionId, token } = await openMission(system, { capacity: 10_000 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const requests: Promise<ApiResponse>[] = [];
    let restarted = false;
    // Paced, and on until the broker is back and 40 requests beyond: the restart lands inside the burst however long it takes.
    const burst = (async () => {
      for (let afterRestart = 0; afterRestart < 40; afterRestart += restarted ? 1 : 0) {
        requests.push(call(url, { body: registrationInput(30_000 + requests.length) }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    try {
      await eventually(() => system.tap.ofType('registration.confirmed', (event) => event.missionid === missionId).length >= 10, {
        what: 'the burst under way',
      });
      await broker.restart();
    } finally {
      restarted = true;
      await burst;
    }

    const responses = await Promise.all(requests);
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    const addresses = responses.map((_, n) => `delegate${30_000 + n}@example.org`);
    const confirmed = async () =>
      (await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token })).body?.registrations?.byStatus?.confirmed;
    await eventually(async () => (await confirmed()) === responses.length, {
      what: `the dashboard to count all ${responses.length}`,
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    await eventually(() => addresses.every((address) => system.smtp.to(address).length >= 1), {
      what: 'an e-mail to each',
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    // Settled: nothing left to publish, no e-mail left to send (the queues are on the test's node, out of rabbitmqctl's sight).
    await eventually(
      () =>
        withDatabase(async (client) => {
          const outbox = await client.query(`SELECT count(*)::int AS n FROM "${system.schemaOf('registration')}".outbox WHERE published_at IS NULL`);
          const mail = await client.query(`SELECT count(*)::int AS n FROM "${system.schemaOf('notifications')}".deliveries WHERE status = 'pending'`);
          return outbox.rows[0].n === 0 && mail.rows[0].n === 0;
        }),
      { what: 'the outbox relayed and every e-mail sent', timeoutMs: 60_000 },
    );

    expect(addresses.filter((address) => system.smtp.to(address).length !== 1)).toEqual([]);
    expect(await confirmed()).toBe(responses.length);
  }, 600_000);
});
