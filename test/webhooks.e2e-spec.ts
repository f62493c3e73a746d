import { createEvent, type CloudEvent } from '#contracts';
import amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { call } from './support/api.js';
import { eventually } from './support/eventually.js';
import { registrationConfirmed } from './support/events.js';
import { readyMessages, withDatabase } from './support/isolation.js';
import { eventsHandled } from './support/settled.js';
import { matchesTopic, queueNames } from '#messaging';
import { TOPIC_MATCH } from '../apps/notifications/src/webhooks/webhooks.repository.js';
import { WebhookRetention } from '../apps/notifications/src/webhooks/webhook.retention.js';
import { useSystem } from './support/system.js';
import { startWeb } from './support/web.js';

/** What the test's endpoint received: one entry per request. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP endpoint run by the test: it answers each path with the status the test sets (204 unless told), and records every request. */
class Receiver {
  readonly received: Received[] = [];
  /** Statuses to answer on a path, one per request, before falling back to `always`. */
  private readonly next = new Map<string, number[]>();
  private readonly always = new Map<string, number>();
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        // Standing in for scheduling, to the web entry: the mission a console page shows.
        if (request.method === 'GET' && path.startsWith('/api/missions/')) {
          const id = path.split('/')[3];
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({ id, code: 'CN-2019', title: 'Chengdu and Liuzhou', startsOn: '2019-06-09', endsOn: '2019-06-15', timezone: 'Asia/Shanghai' }),
          );
          return;
        }
        this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.next.get(path)?.shift() ?? this.always.get(path) ?? 204;
        response.writeHead(status).end();
      });
    });
    // `localhost` is the name configuration allows; 127.0.0.1 written as such is not.
    await new Promise<void>((resolve) => this.server!.listen(0, 'localhost', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  answer(path: string, ...statuses: number[]): void {
    this.next.set(path, statuses);
  }

  answerAlways(path: string, status: number): void {
    this.always.set(path, status);
  }

  of(eventId: string, path?: string): Received[] {
    return this.received.filter((request) => (JSON.parse(request.body) as CloudEvent).id === eventId && (path === undefined || request.path === path));
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const receiver = new Receiver();
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

const missionId = randomUUID();

function checkedIn(registrationId: string = randomUUID(), mission = missionId) {
  return createEvent(
    'registration',
    'participant.checked_in',
    { registrationId, missionId: mission, checkedInAt: new Date().toISOString() },
    { subject: registrationId, missionId: mission },
  );
}

function verified(secret: string, request: Received): unknown {
  return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
}

describe('outbound webhooks', () => {
  const system = useSystem({
    services: ['notifications'],
    env: () => ({
      WEBHOOKS_ALLOW_HTTP: 'true',
      // The test's endpoint only: 127.0.0.1 itself, and localhost on any other port, stay refused.
      WEBHOOKS_ALLOWED_HOSTS: `localhost:${receiver.port}`,
      WEBHOOKS_RETRY_BASE_MS: '300',
      WEBHOOKS_TIMEOUT_MS: '5000',
    }),
  });
  const endpoints = () => `${system.url('notifications')}/api/missions/${missionId}/webhooks`;
  const token = () => system.organiserToken([missionId]);

  async function subscribe(path: string, eventTypes: string[], extra: Record<string, unknown> = {}) {
    const response = await call(endpoints(), { token: token(), body: { url: `http://localhost:${receiver.port}${path}`, eventTypes, ...extra } });
    expect(response.status).toBe(201);
    return response.body as { id: string; secret: string };
  }

  async function attempts(endpointId: string) {
    return (await call(`${endpoints()}/${endpointId}/attempts?limit=100`, { token: token() })).body.items as any[];
  }

  it('refuses an endpoint on 127.0.0.1, another organiser, and a pattern that matches nothing', async () => {
    const loopback = await call(endpoints(), { token: token(), body: { url: `http://127.0.0.1:${receiver.port}/hook`, eventTypes: ['#'] } });
    expect(loopback.status).toBe(400);
    expect(loopback.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(/loopback address, which configuration does not allow/) }]);
    // localhost is allowed on the receiver's port only.
    const otherPort = await call(endpoints(), { token: token(), body: { url: `http://localhost:${receiver.port + 1}/hook`, eventTypes: ['#'] } });
    expect(otherPort.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(/resolves to .*loopback/) }]);
    const pattern = await call(endpoints(), { token: token(), body: { url: `http://localhost:${receiver.port}/hook`, eventTypes: ['registration.nothing'] } });
    expect(pattern.body.errors).toEqual([{ field: 'eventTypes.0', message: 'matches no event type' }]);
    const stranger = await call(endpoints(), {
      token: system.organiserToken([randomUUID()]),
      body: { url: `http://localhost:${receiver.port}/hook`, eventTypes: ['#'] },
    });
    expect(stranger.status).toBe(403);
  });

  it('delivers each subscribed event once, signed as Standard Webhooks says, with the CloudEvent as its body', async () => {
    const endpoint = await subscribe('/hook', ['participant.*', 'session.rescheduled']);
    // Endpoints that take everything, of this mission and of another: once they have an event, '/hook' has had its chance at it.
    const all = await subscribe('/all', ['#']);
    const otherMission = randomUUID();
    const other = await call(`${system.url('notifications')}/api/missions/${otherMission}/webhooks`, {
      token: system.organiserToken([otherMission]),
      body: { url: `http://localhost:${receiver.port}/other`, eventTypes: ['#'] },
    });
    expect(other.status).toBe(201);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await call(endpoints(), { token: token() });
    expect(JSON.stringify(listed.body)).not.toContain(endpoint.secret);

    const event = checkedIn();
    // One that a mail kind handles too (the webhook handler runs beside it), one of another mission, one not subscribed to.
    const sessionId = randomUUID();
    const venue = { name: 'Liuzhou Industrial Museum', city: 'Liuzhou', timezone: 'Asia/Shanghai' };
    const snapshot = {
      sessionId,
      missionId,
      kind: 'site_visit' as const,
      title: 'Museum visit',
      startsAt: '2019-06-14T02:00:00Z',
      endsAt: '2019-06-14T04:00:00Z',
      timezone: 'Asia/Shanghai',
      venue,
      capacity: null,
    };
    const session = createEvent(
      'scheduling',
      'session.rescheduled',
      { ...snapshot, previous: { startsAt: '2019-06-13T02:00:00Z', endsAt: '2019-06-13T04:00:00Z', venue }, participantIds: [] },
      { subject: sessionId, missionId },
    );
    const elsewhere = checkedIn(randomUUID(), otherMission);
    const notSubscribed = createEvent('scheduling', 'session.scheduled', snapshot, { subject: sessionId, missionId });
    await Promise.all([event, session, elsewhere, notSubscribed].map((e) => system.producer.publish(e)));
    // The broker delivers an event again: still one delivery.
    await system.producer.publish(event);

    await eventually(() => receiver.of(event.id, '/hook').length === 1 && receiver.of(session.id, '/hook').length === 1, { what: 'both subscribed events' });
    const [request] = receiver.of(event.id, '/hook');
    expect(verified(endpoint.secret, request!)).toMatchObject({ id: event.id, type: 'participant.checked_in', data: event.data });
    expect(request!.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(Number(request!.headers['webhook-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(verified(endpoint.secret, receiver.of(session.id, '/hook')[0]!)).toMatchObject({ id: session.id, type: 'session.rescheduled' });

    const log = await eventually(
      async () => {
        const items = await attempts(endpoint.id);
        return items.length === 2 && items;
      },
      { what: 'two attempts in the log' },
    );
    expect(log.map((attempt) => [attempt.eventType, attempt.statusCode, attempt.attempt, attempt.error])).toEqual(
      expect.arrayContaining([
        ['participant.checked_in', 204, 1, null],
        ['session.rescheduled', 204, 1, null],
      ]),
    );
    expect(log.every((attempt) => attempt.durationMs >= 0)).toBe(true);
    await eventually(() => receiver.of(elsewhere.id, '/other').length === 1 && receiver.of(notSubscribed.id, '/all').length === 1, {
      what: 'the events no pattern of /hook takes, at the endpoints that take everything',
    });
    expect(receiver.of(elsewhere.id, '/all')).toHaveLength(0);
    expect(receiver.of(elsewhere.id, '/hook')).toHaveLength(0);
    expect(receiver.of(notSubscribed.id, '/hook')).toHaveLength(0);
    expect(receiver.of(event.id, '/hook')).toHaveLength(1);
    await call(`${endpoints()}/${all.id}`, { token: token(), method: 'DELETE' });
  });

  it('tries again after a 500, and redelivers by hand, with the same webhook-id', async () => {
    const endpoint = await subscribe('/flaky', ['participant.checked_in']);
    receiver.answer('/flaky', 500);
    const event = checkedIn();
    await system.producer.publish(event);
    await eventually(() => receiver.of(event.id, '/flaky').length === 2, { what: 'the event again after the 500' });
    const [first, second] = receiver.of(event.id, '/flaky');
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(verified(endpoint.secret, second!)).toMatchObject({ id: event.id });
    const log = await eventually(async () => {
      const items = await attempts(endpoint.id);
      return items.length === 2 && items;
    });
    // Newest first.
    expect(log.map((attempt) => [attempt.attempt, attempt.statusCode, attempt.error])).toEqual([
      [2, 204, null],
      [1, 500, 'the endpoint answered 500'],
    ]);
    const deliveries = (await call(`${endpoints()}/${endpoint.id}/deliveries`, { token: token() })).body.items;
    expect(deliveries).toEqual([
      expect.objectContaining({ id: first!.headers['webhook-id'], eventId: event.id, status: 'delivered', attempts: 2, lastStatusCode: 204 }),
    ]);

    const redelivered = await call(`${endpoints()}/${endpoint.id}/deliveries/${deliveries[0].id}/redeliver`, { token: token(), method: 'POST' });
    expect(redelivered.status).toBe(202);
    await eventually(() => receiver.of(event.id, '/flaky').length === 3, { what: 'the redelivery' });
    expect(receiver.of(event.id, '/flaky')[2]!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    await eventually(async () => (await attempts(endpoint.id))[0]?.manual === true, { what: 'the manual attempt in the log' });
  });

  it('signs with both secrets during a rotation’s overlap, and with the new one only after it', async () => {
    const endpoint = await subscribe('/rotating', ['participant.checked_in']);
    const rotated = await call(`${endpoints()}/${endpoint.id}/rotate-secret`, { token: token(), method: 'POST', body: { overlapSeconds: 3600 } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.body.previousSecretValidUntil)).toBeGreaterThan(Date.now() + 3500_000);
    const during = checkedIn();
    await system.producer.publish(during);
    const [request] = await eventually(() => receiver.of(during.id, '/rotating').length === 1 && receiver.of(during.id, '/rotating'));
    expect((request!.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(verified(endpoint.secret, request!)).toMatchObject({ id: during.id });
    expect(verified(rotated.body.secret, request!)).toMatchObject({ id: during.id });

    const again = await call(`${endpoints()}/${endpoint.id}/rotate-secret`, { token: token(), method: 'POST', body: { overlapSeconds: 0 } });
    const after = checkedIn();
    await system.producer.publish(after);
    const [later] = await eventually(() => receiver.of(after.id, '/rotating').length === 1 && receiver.of(after.id, '/rotating'));
    expect((later!.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    expect(verified(again.body.secret, later!)).toMatchObject({ id: after.id });
    expect(() => verified(rotated.body.secret, later!)).toThrow();
  });

  it('drops what names an erased participant, and sends nothing naming them afterwards', async () => {
    const endpoint = await subscribe('/down', ['participant.*']);
    receiver.answerAlways('/down', 503);
    const registrationId = randomUUID();
    const before = checkedIn(registrationId);
    await system.producer.publish(before);
    await eventually(() => receiver.of(before.id, '/down').length >= 2, { what: 'attempts at the event before the erasure' });
    const erased = createEvent(
      'registration',
      'participant.erased',
      { registrationId, missionId, erasedAt: new Date().toISOString() },
      { subject: registrationId, missionId },
    );
    await system.producer.publish(erased);
    await eventually(
      async () => {
        const items = (await call(`${endpoints()}/${endpoint.id}/deliveries`, { token: token() })).body.items as any[];
        return items.find((item) => item.eventId === before.id)?.status === 'dropped' && items.some((item) => item.eventId === erased.id);
      },
      { what: 'the pending delivery dropped' },
    );
    const afterward = checkedIn(registrationId);
    await system.producer.publish(afterward);
    const tried = receiver.of(before.id, '/down').length;
    // The erasure notice itself goes (it names nobody's data), and is retried meanwhile: the dispatcher went round several times.
    await eventually(() => receiver.of(erased.id, '/down').length >= 3, { what: 'three attempts at the erasure notice' });
    // The event naming them after it was handled (notifications' queues are empty: acked once its batch committed), and queued nothing.
    await eventsHandled(system, 'notifications');
    // One attempt may have been under way when the erasure came.
    expect(receiver.of(before.id, '/down').length).toBeLessThanOrEqual(tried + 1);
    expect(receiver.of(afterward.id, '/down')).toHaveLength(0);
    const items = (await call(`${endpoints()}/${endpoint.id}/deliveries`, { token: token() })).body.items as any[];
    expect(items.find((item) => item.eventId === before.id)).toMatchObject({ status: 'dropped', payloadErased: true });
    expect(items.some((item) => item.eventId === afterward.id)).toBe(false);
    const refused = await call(`${endpoints()}/${endpoint.id}/deliveries/${items.find((item) => item.eventId === before.id).id}/redeliver`, {
      token: token(),
      method: 'POST',
    });
    expect(refused.status).toBe(409);
    await call(`${endpoints()}/${endpoint.id}`, { token: token(), method: 'DELETE' });
  });

  // Under load the consumer takes messages in batches: an erasure and the events naming the participant just before it (their
  // registration.cancelled, say) arrive together. The erasure waited for the batch it was part of to commit (a minute, the lock timeout).
  it('handles an erasure that arrives in one batch with events naming the participant, without waiting on that batch', async () => {
    const endpoint = await subscribe('/same-batch', ['participant.*']);
    const registrationId = randomUUID();
    const naming = Array.from({ length: 4 }, () => checkedIn(registrationId));
    const erased = createEvent(
      'registration',
      'participant.erased',
      { registrationId, missionId, erasedAt: new Date().toISOString() },
      { subject: registrationId, missionId },
    );
    // Waiting in the queue while notifications is down, they reach it back to back when it starts.
    await system.stopService('notifications');
    for (const event of [...naming, erased]) await system.producer.publish(event);
    await system.startService('notifications');

    await eventsHandled(system, 'notifications');
    await eventually(() => receiver.of(erased.id, '/same-batch').length === 1, { what: 'the erasure notice' });
    // What was queued in the erasure's commit is dropped; what an earlier batch queued may have gone before it (or been in flight), once.
    const items = await eventually(
      async () => {
        const page = (await call(`${endpoints()}/${endpoint.id}/deliveries?limit=100`, { token: token() })).body.items as any[];
        return page.every((item) => item.status !== 'pending') && page;
      },
      { what: 'no delivery under way' },
    );
    for (const event of naming) {
      const delivery = items.find((item) => item.eventId === event.id);
      expect(delivery?.status ?? 'not queued').toMatch(/^(dropped|delivered|not queued)$/);
      expect(receiver.of(event.id, '/same-batch').length).toBeLessThanOrEqual(delivery ? 1 : 0);
    }
  });

  it("delivers notifications' own events as its relay publishes them, and its queue does not take them back", async () => {
    const endpoint = await subscribe('/own', ['notification.*']);
    const confirmed = registrationConfirmed(missionId);
    await system.producer.publish(confirmed);

    const sent = await system.tap.waitFor('notification.sent', (event) => (event.data as any).causeEventId === confirmed.id);
    await eventually(() => receiver.of(sent.id, '/own').length === 1, { what: 'the notification.sent at the endpoint' });
    expect(verified(endpoint.secret, receiver.of(sent.id, '/own')[0]!)).toMatchObject({ id: sent.id, type: 'notification.sent', data: sent.data });
    // Once, and not consumed back: notifications' queue is bound to the types other services produce, so no handler of its sees the event.
    await eventsHandled(system, 'notifications');
    const log = (await call(`${endpoints()}/${endpoint.id}/deliveries`, { token: token() })).body.items as any[];
    expect(log.map((item) => [item.eventId, item.eventType])).toEqual([[sent.id, 'notification.sent']]);
    const metrics = await (await fetch(`${system.url('notifications')}/metrics`)).text();
    expect(metrics).toContain('type="registration.confirmed"');
    expect(metrics).not.toContain('type="notification.sent"');
  });

  it('acks, and does not dead-letter, its own events that a binding of an older release still brings it', async () => {
    // Notifications' publishing channel is open once it has published: its declare (which unbinds `#`) is behind it.
    const first = registrationConfirmed(missionId);
    await system.producer.publish(first);
    await system.tap.waitFor('notification.sent', (event) => (event.data as any).causeEventId === first.id);
    // Then an instance of the release before, still running in a rolling upgrade, binds `#` again.
    const connection = await amqp.connect(system.rabbitmqUrl);
    const channel = await connection.createChannel();
    await channel.bindQueue(queueNames('notifications').main, system.exchange, '#');
    try {
      await subscribe('/upgrade', ['notification.sent']);
      const confirmed = registrationConfirmed(missionId);
      await system.producer.publish(confirmed);
      const sent = await system.tap.waitFor('notification.sent', (event) => (event.data as any).causeEventId === confirmed.id);
      await eventually(() => receiver.of(sent.id, '/upgrade').length === 1, { what: 'the notification.sent at the endpoint' });
      await eventsHandled(system, 'notifications');
      const { dead } = queueNames('notifications');
      expect((await readyMessages(system.rabbitmqUrl, [dead])).get(dead)).toBe(0);
      const metrics = await (await fetch(`${system.url('notifications')}/metrics`)).text();
      expect(metrics).not.toMatch(/mission_hub_events_dead_lettered_total\{[^}]*type="notification\.sent"/);
      expect(receiver.of(sent.id, '/upgrade')).toHaveLength(1);
    } finally {
      await channel.unbindQueue(queueNames('notifications').main, system.exchange, '#');
      await connection.close();
    }
  });

  it('disables an endpoint that answers 410 at once, and tells its organiser', async () => {
    const endpoint = await subscribe('/gone', ['participant.checked_in'], { contactEmail: 'integrations@chengdu.example', language: 'de' });
    receiver.answerAlways('/gone', 410);
    const event = checkedIn();
    await system.producer.publish(event);
    const disabled = await system.tap.waitFor('webhook.endpoint_disabled', (e) => (e.data as any).endpointId === endpoint.id);
    expect(disabled.data).toMatchObject({
      missionId,
      reason: 'gone',
      contactEmail: 'integrations@chengdu.example',
      url: `http://localhost:${receiver.port}/gone`,
    });
    const state = await call(`${endpoints()}/${endpoint.id}`, { token: token() });
    expect(state.body).toMatchObject({ status: 'disabled', disabledReason: 'the endpoint answered 410 Gone' });
    expect(receiver.of(event.id, '/gone')).toHaveLength(1);
    // … and by e-mail, in the language the endpoint was made in, through the mail queue.
    const mail = await eventually(() => system.smtp.received.find((received) => received.eventId === disabled.id), {
      what: 'the e-mail to the contact address',
    });
    expect(mail.to).toEqual(['integrations@chengdu.example']);
    expect(mail.subject).toBe(`Webhook-Endpunkt deaktiviert: http://localhost:${receiver.port}/gone`);
    expect(mail.text).toContain('410 Gone');

    const next = checkedIn();
    await system.producer.publish(next);
    // Another endpoint of the mission takes it; the disabled one does not.
    await eventually(() => receiver.of(next.id).length >= 1, { what: 'the next event at the other endpoints' });
    // Queued for every endpoint that took it in one transaction: the disabled one has no delivery of it, and got none.
    const goneLog = (await call(`${endpoints()}/${endpoint.id}/deliveries`, { token: token() })).body.items as any[];
    expect(goneLog.map((item) => item.eventId)).toEqual([event.id]);
    expect(receiver.of(next.id, '/gone')).toHaveLength(0);
  });

  it('disables an endpoint that has failed for days', async () => {
    const endpoint = await subscribe('/failing', ['participant.checked_in']);
    receiver.answerAlways('/failing', 502);
    const event = checkedIn();
    await system.producer.publish(event);
    await eventually(() => receiver.of(event.id, '/failing').length >= 1, { what: 'a first failed attempt' });
    // Its failures began six days ago, as far as it knows: the next failed retry is one too many (WEBHOOKS_DISABLE_AFTER_MS, 5 days).
    await withDatabase((client) =>
      client.query(`UPDATE "${system.schemaOf('notifications')}".webhook_endpoints SET failing_since = now() - interval '6 days' WHERE id = $1`, [endpoint.id]),
    );
    const disabled = await system.tap.waitFor('webhook.endpoint_disabled', (e) => (e.data as any).endpointId === endpoint.id);
    expect(disabled.data).toMatchObject({ reason: 'failing', detail: expect.stringMatching(/^every attempt has failed since /) });
    const deliveries = (await call(`${endpoints()}/${endpoint.id}/deliveries`, { token: token() })).body.items as any[];
    expect(deliveries).toEqual([expect.objectContaining({ eventId: event.id, status: 'failed', lastError: 'endpoint disabled' })]);
  });

  it('lets an organiser add an endpoint in the console, shows its secret once, and redeliver from its page', async () => {
    const web = await startWeb(system, { upstreams: { scheduling: `http://localhost:${receiver.port}` } });
    try {
      const headers = { cookie: `mh_organiser=${token()}`, origin: web.url };
      const form = new URLSearchParams({ url: `http://localhost:${receiver.port}/console`, eventTypes: 'participant.checked_in, session.*' });
      const made = await fetch(`${web.url}/console/m/${missionId}/webhooks`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        redirect: 'manual',
      });
      const page = await made.text();
      expect(made.status).toBe(201);
      const secret = /whsec_[A-Za-z0-9+/=]+/.exec(page)![0];
      const listed = await (await fetch(`${web.url}/console/m/${missionId}/webhooks`, { headers })).text();
      expect(listed).toContain(`http://localhost:${receiver.port}/console`);
      expect(listed).not.toContain(secret);

      const event = checkedIn();
      await system.producer.publish(event);
      const [request] = await eventually(() => receiver.of(event.id, '/console').length === 1 && receiver.of(event.id, '/console'));
      expect(verified(secret, request!)).toMatchObject({ id: event.id });
      const endpointId = /webhooks\/([0-9a-f-]{36})\/rotate/.exec(page)![1]!;
      const deliveryId = request!.headers['webhook-id'] as string;
      const redeliver = await fetch(`${web.url}/console/m/${missionId}/webhooks/${endpointId}/deliveries/${deliveryId}/redeliver`, {
        method: 'POST',
        headers,
        redirect: 'manual',
      });
      expect(redeliver.status).toBe(303);
      await eventually(() => receiver.of(event.id, '/console').length === 2, { what: 'the redelivery asked for in the console' });
      // A post from another site is refused, and a refused address is said at its field.
      const forged = await fetch(`${web.url}/console/m/${missionId}/webhooks`, {
        method: 'POST',
        headers: { ...headers, origin: 'https://elsewhere.example', 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      expect(forged.status).toBe(403);
      const refused = await fetch(`${web.url}/console/m/${missionId}/webhooks`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ url: 'http://127.0.0.1/', eventTypes: '#' }),
      });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('loopback address');
    } finally {
      await web.stop();
    }
  });
  it('forgets a settled delivery, its attempts and then its event once they are past the retention, and keeps what is still being tried', async () => {
    // A mission of its own: no endpoint of another test takes its events.
    const mission = randomUUID();
    const organiser = system.organiserToken([mission]);
    const hooks = `${system.url('notifications')}/api/missions/${mission}/webhooks`;
    const add = async (path: string) =>
      (await call(hooks, { token: organiser, body: { url: `http://localhost:${receiver.port}${path}`, eventTypes: ['participant.checked_in'] } })).body as {
        id: string;
      };
    const kept = await add('/retained');
    const trying = await add('/retained-down');
    receiver.answerAlways('/retained-down', 503);
    const [old, recent] = [checkedIn(randomUUID(), mission), checkedIn(randomUUID(), mission)];
    for (const event of [old, recent]) await system.producer.publish(event);
    await eventually(() => receiver.of(old.id, '/retained').length === 1 && receiver.of(recent.id, '/retained').length === 1, { what: 'both delivered' });
    await eventually(() => receiver.of(old.id, '/retained-down').length >= 1, { what: 'an attempt at the failing endpoint' });
    const page = async (endpointId: string, of: 'deliveries' | 'attempts') =>
      (await call(`${hooks}/${endpointId}/${of}?limit=100`, { token: organiser })).body.items as any[];
    const oldDelivery = await eventually(async () =>
      (await page(kept.id, 'deliveries')).find((item) => item.eventId === old.id && item.status === 'delivered'),
    );
    const schema = system.schemaOf('notifications');
    await withDatabase(async (client) => {
      await client.query(`UPDATE "${schema}".webhook_deliveries SET updated_at = now() - interval '31 days' WHERE event_id = $1`, [old.id]);
      await client.query(`UPDATE "${schema}".webhook_events SET created_at = now() - interval '31 days' WHERE id = $1`, [old.id]);
    });

    // The old event's delivery to the failing endpoint is still pending: the event stays with it. (What the sweep
    // answers is not checked: the hourly run, at the top of an hour, may have swept it first.)
    const retention = system.app('notifications').get(WebhookRetention);
    await retention.run();
    expect((await page(kept.id, 'deliveries')).map((item) => item.eventId)).toEqual([recent.id]);
    expect((await page(kept.id, 'attempts')).map((item) => item.deliveryId)).not.toContain(oldDelivery.id);
    const gone = await call(`${hooks}/${kept.id}/deliveries/${oldDelivery.id}/redeliver`, { token: organiser, method: 'POST' });
    expect(gone.status).toBe(404);
    expect((await page(trying.id, 'deliveries')).find((item) => item.eventId === old.id)).toMatchObject({ status: 'pending' });
    const stored = async () =>
      (
        await withDatabase(async (client) => (await client.query(`SELECT id FROM "${schema}".webhook_events WHERE id = ANY ($1)`, [[old.id, recent.id]])).rows)
      ).map((row) => row.id as string);
    expect((await stored()).sort()).toEqual([old.id, recent.id].sort());

    // Once the failing endpoint is deleted (its deliveries with it), nothing is left of the old event.
    expect((await call(`${hooks}/${trying.id}`, { token: organiser, method: 'DELETE' })).status).toBe(204);
    await retention.run();
    expect(await stored()).toEqual([recent.id]);
  });

  it('matches event types to patterns in SQL exactly as the broker matches routing keys', async () => {
    const patterns = [
      '#',
      '*',
      '*.*',
      'registration.*',
      'registration.#',
      '#.confirmed',
      'registration.#.confirmed',
      '#.*',
      '*.#',
      '#.#',
      '*.confirmed',
      'meeting.*.x',
    ];
    const types = [
      'registration.confirmed',
      'registration',
      'notification.sent',
      'action_plan.milestone_reminder_due',
      'x.registration.confirmed',
      'registration.x.y.confirmed',
    ];
    await withDatabase(async (client) => {
      for (const pattern of patterns) {
        for (const type of types) {
          const { rows } = await client.query(`SELECT (${TOPIC_MATCH}) AS matched FROM (SELECT $1::text AS pattern) AS p`, [pattern, type]);
          expect({ pattern, type, matched: rows[0].matched }).toEqual({ pattern, type, matched: pattern === type || matchesTopic(pattern, type) });
        }
      }
    });
  });
});
