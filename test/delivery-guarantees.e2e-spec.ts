import { createServiceApplication } from '#common';
import { createEvent } from '#contracts';
import amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { notificationsApplication } from '../apps/notifications/src/notifications.application.js';
import { call, listAll, openMission, registrationInput, type ApiResponse } from './support/api.js';
import { eventually } from './support/eventually.js';
import { closeVhostConnections, withDatabase } from './support/isolation.js';
import { notificationsSettled } from './support/notifications.js';
import { eventsHandled, outboxRelayed } from './support/settled.js';
import { type TestSystem, useSystem } from './support/system.js';

/** The dashboard's count of a mission's confirmed registrations. */
async function confirmedOnDashboard(system: TestSystem, missionId: string, token: string): Promise<number | undefined> {
  const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
  return summary.body?.registrations?.byStatus?.confirmed;
}

/** Every registration event has reached the dashboard: a count that only passed the expected number on its way up shows now. */
async function dashboardSettled(system: TestSystem): Promise<void> {
  await outboxRelayed(system, 'registration');
  await eventsHandled(system, 'dashboard');
}

describe('at-least-once delivery, exactly-once effects', () => {
  const system = useSystem();

  it('sends one e-mail when the same event is delivered twice', async () => {
    const { missionId } = await openMission(system);
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, {
      body: registrationInput(1, { email: 'twice@example.org' }),
    });
    const confirmed = await system.tap.waitFor('registration.confirmed', (event) => event.subject === registered.body.id);
    await system.smtp.waitFor((mail) => mail.eventId === confirmed.id, 'the first e-mail');

    // The broker may redeliver; here the very same CloudEvent is published again, twice.
    const connection = await amqp.connect(system.rabbitmqUrl);
    const channel = await connection.createConfirmChannel();
    for (let copy = 0; copy < 2; copy++) {
      channel.publish(system.exchange, confirmed.type, Buffer.from(JSON.stringify(confirmed)), {
        contentType: 'application/cloudevents+json',
        messageId: confirmed.id,
        persistent: true,
      });
    }
    await channel.waitForConfirms();
    await connection.close();

    await notificationsSettled(system);
    await eventsHandled(system, 'dashboard');
    expect(system.smtp.received.filter((mail) => mail.eventId === confirmed.id)).toHaveLength(1);
    expect(system.tap.ofType('notification.sent', (event) => (event.data as any).causeEventId === confirmed.id)).toHaveLength(1);
    const token = system.organiserToken();
    const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
    expect(summary.body.registrations.byStatus.confirmed).toBe(1);
  });

  it('carries on without a restart when the database drops every connection of the services mid-burst', async () => {
    const { missionId, token } = await openMission(system, { capacity: 1000 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const burst = Array.from({ length: 100 }, async (_, n) => {
      await new Promise((resolve) => setTimeout(resolve, n * 8));
      return call(url, { body: registrationInput(5000 + n) });
    });
    await eventually(() => system.tap.ofType('registration.confirmed', (event) => event.missionid === missionId).length >= 10, {
      what: 'the burst to be under way',
    });
    const terminated = await withDatabase((client) =>
      client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1`, [`mission-hub:%\\_${system.runId}%`]),
    );
    expect(terminated.rowCount).toBeGreaterThan(4);
    const responses = await Promise.all(burst);
    // A request whose connection was cut may fail, as a problem response saying to try again; none that was accepted is lost.
    const refused = responses.filter((response) => response.status !== 201);
    expect(refused.map((response) => [response.status, response.headers.get('retry-after')])).toEqual(refused.map(() => [503, '1']));
    expect(refused.every((response) => /problem/.test(response.headers.get('content-type') ?? ''))).toBe(true);
    const accepted = responses.filter((response) => response.status === 201);
    expect(accepted.length).toBeGreaterThan(50);

    const after = await call(url, { body: registrationInput(5999) });
    expect(after.status).toBe(201);
    // A refused request may have committed before its connection was cut: registration's own list says what is stored.
    const stored = await listAll(`${url}?status=confirmed&limit=500`, token);
    expect(stored.map((registration) => registration.id)).toEqual(expect.arrayContaining([...accepted, after].map((response) => response.body.id)));
    await eventually(async () => (await confirmedOnDashboard(system, missionId, token)) === stored.length, {
      what: `the dashboard to count the ${stored.length} stored registrations`,
      timeoutMs: 60_000,
    });
    // Delivery is at least once (a relay cut off before marking a row sent publishes it again); mail is exactly once.
    await system.smtp.waitFor((mail) => mail.to.includes('delegate5999@example.org'), 'mail after the cut');
    await notificationsSettled(system);
    for (const response of accepted) {
      const event = system.tap.events.find((candidate) => candidate.type === 'registration.confirmed' && candidate.subject === response.body.id);
      expect(event).toBeDefined();
      expect(new Set(system.smtp.received.filter((mail) => mail.eventId === event!.id).map((mail) => mail.messageId)).size).toBe(1);
    }
    await dashboardSettled(system);
    expect(await confirmedOnDashboard(system, missionId, token)).toBe(stored.length);
  });

  it('loses and doubles nothing when the broker cuts every connection in the middle of a burst', async () => {
    const { missionId } = await openMission(system, { capacity: 10_000 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const email = (n: number) => `delegate${10_000 + n}@example.org`;
    const requests: Array<Promise<ApiResponse | Error>> = [];
    let cut = false;
    // Paced, and on until the cut has completed and 40 requests beyond: the cut lands inside the burst however long it takes.
    const burst = (async () => {
      for (let afterCut = 0; afterCut < 40; afterCut += cut ? 1 : 0) {
        requests.push(call(url, { body: registrationInput(10_000 + requests.length) }).catch((error: Error) => error));
        await new Promise((resolve) => setTimeout(resolve, 8));
      }
    })();
    try {
      await eventually(() => system.tap.ofType('registration.confirmed', (event) => event.missionid === missionId).length >= 10, {
        what: 'the burst to be under way',
      });
      await closeVhostConnections(system.vhost);
    } finally {
      cut = true;
      await burst;
    }
    const responses = await Promise.all(requests);
    expect(responses.map((response) => (response instanceof Error ? response.message : response.status))).toEqual(responses.map(() => 201));
    const addresses = responses.map((_, n) => email(n));

    // The tap's own connection was cut too; count what reached the dashboard and the inbox of mail.
    const token = system.organiserToken();
    await eventually(async () => (await confirmedOnDashboard(system, missionId, token)) === responses.length, {
      what: `the dashboard to count all ${responses.length}`,
      timeoutMs: 60_000,
    });
    await eventually(() => addresses.every((address) => system.smtp.to(address).length >= 1), { what: 'an e-mail for each', timeoutMs: 60_000 });
    await notificationsSettled(system);
    expect(addresses.filter((address) => system.smtp.to(address).length !== 1)).toEqual([]);
    await dashboardSettled(system);
    expect(await confirmedOnDashboard(system, missionId, token)).toBe(responses.length);
  });

  it('mails each participant once when two notifications instances share the event queue and the mail queue', async () => {
    const config = system.config('notifications');
    const { module, options } = notificationsApplication(config);
    const second = await createServiceApplication(module, config, options);
    await second.init();
    try {
      const { missionId } = await openMission(system, { capacity: 100 });
      const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
      const inputs = Array.from({ length: 60 }, (_, n) => registrationInput(700 + n));
      const answers = await Promise.all(inputs.map((body) => call(url, { body })));
      expect(answers.map((answer) => answer.status)).toEqual(inputs.map(() => 201));
      const addresses = inputs.map((input) => input.email);
      await eventually(() => addresses.every((address) => system.smtp.to(address).length > 0), { what: 'a confirmation to each of the 60' });
      await notificationsSettled(system);
      for (const address of addresses) expect(system.smtp.to(address)).toHaveLength(1);
      // An outside subscriber (the tap, connected again after the broker cut above) sees 60 notification.sent, once each…
      await eventually(() => system.tap.ofType('notification.sent', (event) => event.missionid === missionId).length >= 60, { what: '60 notification.sent' });
      expect(system.tap.ofType('notification.sent', (event) => event.missionid === missionId)).toHaveLength(60);
      // …and the organiser sees 60 sent, once each.
      const token = system.organiserToken([missionId]);
      await eventually(async () => (await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token })).body?.notifications?.sent === 60, {
        what: 'the dashboard to count 60 e-mails sent',
      });
      const log = await call(`${system.url('notifications')}/api/missions/${missionId}/deliveries?limit=100`, { token });
      expect(log.body.items.map((item: any) => `${item.recipient} ${item.status} ${item.attempts}`).sort()).toEqual(
        addresses.map((address) => `${address} sent 1`).sort(),
      );
    } finally {
      await second.close();
    }
  });
});

describe('the outbox at shutdown', () => {
  // The relay's poll never comes in this run: what the test writes unannounced can only leave by the last drain.
  const system = useSystem({ services: ['scheduling', 'registration'], registration: { relay: { pollIntervalMs: 3_600_000 } } });

  it('publishes what the outbox still holds when a service is stopped', async () => {
    const schema = system.schemaOf('registration');
    const { missionId } = await openMission(system);
    const event = createEvent(
      'registration',
      'participant.checked_in',
      { registrationId: randomUUID(), missionId, checkedInAt: new Date().toISOString() },
      { subject: randomUUID(), missionId },
    );
    const publishedAt = async () =>
      (await withDatabase((client) => client.query(`SELECT published_at FROM "${schema}".outbox WHERE event_id = $1`, [event.id]))).rows[0].published_at;
    // Written behind the service's back, so nothing wakes its relay: the drain at shutdown has to find it.
    await withDatabase((client) =>
      client.query(`INSERT INTO "${schema}".outbox (event_id, type, payload) VALUES ($1, $2, $3)`, [event.id, event.type, JSON.stringify(event)]),
    );
    expect(await publishedAt()).toBeNull();

    await system.stopService('registration');

    expect(await publishedAt()).toBeInstanceOf(Date);
    const received = await system.tap.waitFor(event.type, (candidate) => candidate.id === event.id);
    expect(received).toEqual(event);
  });
});
