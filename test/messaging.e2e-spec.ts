/**
 * The messaging backbone against the real broker and database: outbox → relay → exchange →
 * AmqpEventsServer → @EventPattern handler → inbox, with retries, dead letters, duplicates and a
 * broker that cuts every connection in the middle of a burst. Runs in its own vhost and schema.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ConsoleLogger, Controller, Inject, Logger, type INestApplication } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { jest } from '@jest/globals';
import amqp from 'amqplib';
import { DataSource } from 'typeorm';
import { PreparingClient, sql, UnitOfWork } from '#common';
import { CLOUDEVENTS_CONTENT_TYPE, createEvent, type CloudEvent, type EventData } from '#contracts';
import {
  AmqpEventContext,
  AmqpEventsServer,
  BrokerConnection,
  CreateInbox1732000000001,
  CreateOutbox1732000000000,
  InboxService,
  type EventHandlerExtras,
  MessageHeaders,
  MessagingModule,
  OutboxRelay,
  OutboxService,
  listDeadLetters,
  queueNames,
  type MessagingOptions,
} from '#messaging';
import { eventually } from './support/eventually.js';
import {
  TEST_DATABASE_URL,
  closeVhostConnections,
  createVhost,
  rabbitmqctl,
  deleteVhost,
  dropSchemas,
  ensureTestDatabase,
  newRunId,
  rabbitmqUrlFor,
  withDatabase,
} from './support/isolation.js';

jest.setTimeout(60_000);

const runId = newRunId();
const vhost = `mh-test-${runId}`;
const schema = `messaging_${runId}`;
const service = 'e2e';
const exchange = 'mission-hub.events';
const url = rabbitmqUrlFor(vhost);

/** Handler invocations per event id, to tell "handled once" from "applied once". */
const attempts = new Map<string, number>();
/** What the inbox said, per event id, for each delivery that got that far. */
const outcomes = new Map<string, string[]>();
/** Events delivered at least once from a retry queue. */
const retried = new Set<string>();
/** Events whose work ran where TypeORM saw no open transaction (row locks and nested transactions would break there). */
const outsideTransaction: string[] = [];
/** What the handler of a `held` event waits for. */
let held: Promise<void> = Promise.resolve();

@Controller()
class MissionConsumer {
  constructor(@Inject(InboxService) private readonly inbox: InboxService) {}

  /**
   * `code` steers the behaviour: `doomed` always fails, `flaky-N` fails its first N attempts, `fails-inside-N` fails
   * its first N attempts after writing its effect, `fails-before-N` before it, `slow` takes a while, `held` waits
   * for the test to let it go, `ahead-…` sends its effect ahead.
   * (`<string>` picks Nest 12's untyped overload of the decorator, which otherwise refuses a typed `@Ctx()` parameter.)
   */
  @EventPattern<string>('mission.created')
  async onCreated(@Payload() event: CloudEvent<'mission.created'>, @Ctx() context: AmqpEventContext): Promise<void> {
    const attempt = (attempts.get(event.id) ?? 0) + 1;
    attempts.set(event.id, attempt);
    if (context.getMessage().properties.headers?.[MessageHeaders.retryCount] !== undefined) retried.add(event.id);
    const { code } = event.data;
    if (code === 'doomed') throw new Error('doomed to fail');
    const flaky = /^flaky-(\d+)$/.exec(code);
    if (flaky && attempt <= Number(flaky[1])) throw new Error(`flaky, attempt ${attempt}`);
    if (code === 'slow') await new Promise((resolve) => setTimeout(resolve, 700));
    if (code === 'held') await held;
    // Acking behind the transport's back makes its own ack a channel error (unknown delivery tag).
    if (code === 'self-ack') context.getChannel().ack(context.getMessage());
    await this.record(event, 'exact', context);
  }

  /** Out of the transport's batches: every message in a transaction of its own. */
  @EventPattern<string>('mission.*', { batched: false } satisfies EventHandlerExtras)
  async onAnyMission(@Payload() event: CloudEvent, @Ctx() context: AmqpEventContext): Promise<void> {
    attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
    await this.record(event, 'wildcard', context);
  }

  private async record(event: CloudEvent, handler: string, context: AmqpEventContext): Promise<void> {
    const outcome = await this.inbox.handle(event, `e2e.${handler}`, async (unit) => {
      if (!unit.inTransaction) outsideTransaction.push(event.id);
      const code = (event.data as { code: string }).code;
      const failsBefore = /^fails-before-(\d+)$/.exec(code);
      if (failsBefore && (attempts.get(event.id) ?? 0) <= Number(failsBefore[1])) throw new Error('failed before any statement');
      const effect = sql('INSERT INTO effects (event_id, code, handler, routing_key) VALUES ($1, $2, $3, $4)', [
        event.id,
        code,
        handler,
        context.getRoutingKey(),
      ]);
      // `ahead-…`: written as the services write what nothing reads back, with the next statement or the commit.
      if (code.startsWith('ahead-')) unit.defer(effect, 'the test effect');
      else await unit.query(effect);
      const failsInside = /^fails-inside-(\d+)$/.exec(code);
      if (failsInside && (attempts.get(event.id) ?? 0) <= Number(failsInside[1])) throw new Error('failed after writing');
    });
    outcomes.set(event.id, [...(outcomes.get(event.id) ?? []), outcome]);
  }
}

const options: MessagingOptions = {
  service,
  producer: 'scheduling',
  rabbitmqUrl: url,
  exchange,
  // A poll this slow never fires while this file runs: every delivery below is driven by the wake-up at commit.
  relay: { pollIntervalMs: 3_600_000, publishTimeoutMs: 1500 },
};

let app: INestApplication;
let dataSource: DataSource;
let outbox: OutboxService;
let publisher: amqp.ChannelModel;
let rawChannel: amqp.ConfirmChannel;

function mission(code: string): EventData<'mission.created'> {
  return {
    missionId: randomUUID(),
    code,
    title: 'Smart cities mission to Chengdu',
    startsOn: '2019-06-03',
    endsOn: '2019-06-09',
    timezone: 'Asia/Shanghai',
    cities: [{ name: 'Chengdu', country: 'CN', timezone: 'Asia/Shanghai' }],
    themes: ['smart cities'],
  };
}

async function addToOutbox(codes: string[], type: 'mission.created' | 'mission.updated' = 'mission.created'): Promise<CloudEvent[]> {
  return dataSource.transaction(async (manager) => {
    const events: CloudEvent[] = [];
    for (const code of codes) {
      const data = mission(code);
      events.push(await outbox.add(UnitOfWork.of(manager), type, data, { subject: data.missionId, missionId: data.missionId }));
    }
    return events;
  });
}

async function effectsOf(eventIds: string[]): Promise<{ event_id: string; handler: string; routing_key: string }[]> {
  return dataSource.query('SELECT event_id, handler, routing_key FROM effects WHERE event_id = ANY($1::uuid[])', [eventIds]);
}

/** Publishes without waiting for the broker's confirm (`publishRaw` waits). */
function sendRaw(routingKey: string, body: string | object, messageId: string, queue?: string): void {
  const content = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const properties = { contentType: CLOUDEVENTS_CONTENT_TYPE, persistent: true, messageId };
  if (queue) rawChannel.sendToQueue(queue, content, properties);
  else rawChannel.publish(exchange, routingKey, content, properties);
}

async function publishRaw(routingKey: string, body: string | object, messageId: string, queue?: string): Promise<void> {
  sendRaw(routingKey, body, messageId, queue);
  await rawChannel.waitForConfirms();
}

/**
 * An event handled once, then published again at position `at` among new events with `codes`, all
 * handed to the consumer while its one batch at a time is held up: they wait together and are taken
 * as one batch, with the copy in it. Answers the copy and the new events.
 */
async function burstWithACopy(copyCode: string, codes: string[], at: number): Promise<{ copy: CloudEvent; burst: CloudEvent[] }> {
  const copy = createEvent('scheduling', 'mission.created', mission(copyCode), { subject: 'm' });
  await publishRaw('mission.created', copy, copy.id);
  await eventually(() => outcomes.get(copy.id)?.includes('handled'), { what: 'the first copy handled' });
  let letGo!: () => void;
  held = new Promise((resolve) => (letGo = resolve));
  try {
    const holder = createEvent('scheduling', 'mission.created', mission('held'), { subject: 'm' });
    await publishRaw('mission.created', holder, holder.id);
    await eventually(() => attempts.get(holder.id) === 1, { what: 'the consumer held' });
    const burst = codes.map((code) => createEvent('scheduling', 'mission.created', mission(code), { subject: 'm' }));
    for (const event of [...burst.slice(0, at), copy, ...burst.slice(at)]) {
      sendRaw('mission.created', event, event.id);
    }
    await rawChannel.waitForConfirms();
    // None ready in the queue: all delivered to the consumer (the prefetch has room for them), queued behind the held batch.
    await eventually(async () => (await rawChannel.checkQueue(queueNames(service).main)).messageCount === 0, { what: 'the burst delivered' });
    return { copy, burst };
  } finally {
    letGo();
  }
}

async function deadLetterFor(messageId: string) {
  return eventually(async () => (await listDeadLetters({ url, exchange, service })).find((letter) => letter.messageId === messageId), {
    what: `dead letter ${messageId}`,
    timeoutMs: 10_000,
  });
}

beforeAll(async () => {
  await ensureTestDatabase();
  await createVhost(vhost);
  await withDatabase(async (client) => {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`CREATE TABLE "${schema}".effects (event_id uuid NOT NULL, code text NOT NULL, handler text NOT NULL, routing_key text NOT NULL)`);
  });

  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () => ({
          type: 'postgres' as const,
          url: TEST_DATABASE_URL,
          // The services' client: statements sent ahead go with the next one, as in production.
          extra: { options: `-c search_path=${schema}`, Client: PreparingClient },
          migrations: [CreateOutbox1732000000000, CreateInbox1732000000001],
          migrationsRun: true,
        }),
      }),
      MessagingModule.forService(options),
    ],
    controllers: [MissionConsumer],
  }).compile();
  app = moduleRef.createNestApplication();
  // Quiet by default: the dead letters and retries below are meant to happen. E2E_LOG=1 shows them.
  app.useLogger(process.env.E2E_LOG ? new ConsoleLogger({ logLevels: ['log', 'warn', 'error'] }) : false);
  app.connectMicroservice({ strategy: new AmqpEventsServer({ url, exchange, service, retryDelaysMs: [100, 200] }) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.init();
  dataSource = app.get(DataSource);
  outbox = app.get(OutboxService);

  publisher = await amqp.connect(url);
  rawChannel = await publisher.createConfirmChannel();
});

afterAll(async () => {
  await publisher?.close().catch(() => undefined);
  await app?.close();
  await dropSchemas([schema]);
  await deleteVhost(vhost);
});

it('relays an outbox event, on commit, to the handler of its routing key, once', async () => {
  const [created] = await addToOutbox(['plain']);
  const [updated] = await addToOutbox(['plain'], 'mission.updated');

  // Without a poll, only the commit can have woken the relay (30 s: a loaded machine is slow, not that slow).
  const effects = await eventually(
    async () => {
      const rows = await effectsOf([created.id, updated.id]);
      return rows.length === 2 && rows;
    },
    { timeoutMs: 30_000, what: 'both events relayed on commit' },
  );

  expect(effects).toEqual(
    expect.arrayContaining([
      { event_id: created.id, handler: 'exact', routing_key: 'mission.created' },
      { event_id: updated.id, handler: 'wildcard', routing_key: 'mission.updated' },
    ]),
  );
  const [row] = await dataSource.query('SELECT published_at FROM outbox WHERE event_id = $1', [created.id]);
  expect(row.published_at).not.toBeNull();
  expect(attempts.get(created.id)).toBe(1);
});

it('retries a handler that fails twice, then applies the event once', async () => {
  const [event] = await addToOutbox(['flaky-2']);

  const effects = await eventually(async () => {
    const rows = await effectsOf([event.id]);
    return rows.length > 0 && rows;
  });

  expect(attempts.get(event.id)).toBe(3);
  // Back from the retry queues with the routing key the event was published under.
  expect(effects).toEqual([{ event_id: event.id, handler: 'exact', routing_key: 'mission.created' }]);
});

it('dead-letters an event whose handler keeps failing, with the reason, after the last retry', async () => {
  const [event] = await addToOutbox(['doomed']);

  const letter = await deadLetterFor(event.id);

  expect(attempts.get(event.id)).toBe(3);
  expect(letter.routingKey).toBe('mission.created');
  expect(letter.retries).toBe(2);
  expect(letter.reason).toMatch(/handler failed after 2 retries/);
  expect(await effectsOf([event.id])).toEqual([]);
});

it('dead-letters malformed, invalid, unknown and unroutable messages with a reason and keeps consuming', async () => {
  const valid = createEvent('scheduling', 'mission.created', mission('x'), { subject: 'm' });

  await publishRaw('mission.created', '{"specversion": "1.0", oops', 'malformed');
  await publishRaw('mission.created', { ...valid, id: randomUUID(), data: { code: 42 } }, 'invalid');
  await publishRaw('mission.exploded', { ...valid, id: randomUUID(), type: 'mission.exploded' }, 'unknown-type');
  await publishRaw('mission.updated', { ...valid, id: randomUUID() }, 'wrong-routing-key');
  // A binding left over from a handler that has since been removed: the event is valid but unhandled.
  await rawChannel.bindQueue(queueNames(service).main, exchange, 'participant.checked_in');
  const checkedIn = { registrationId: randomUUID(), missionId: randomUUID(), checkedInAt: '2019-06-03T08:00:00.000Z' };
  await publishRaw('participant.checked_in', createEvent('registration', 'participant.checked_in', checkedIn, { subject: 'r' }), 'no-handler');
  const [next] = await addToOutbox(['after-poison']);

  await eventually(async () => (await effectsOf([next.id])).length === 1);
  const reasons = Object.fromEntries(
    await Promise.all(['malformed', 'invalid', 'unknown-type', 'wrong-routing-key', 'no-handler'].map(async (id) => [id, (await deadLetterFor(id)).reason])),
  );

  expect(reasons.malformed).toMatch(/^malformed JSON/);
  expect(reasons.invalid).toMatch(/data does not match mission.created v1: .*code/);
  expect(reasons['unknown-type']).toMatch(/unknown event type mission.exploded/);
  expect(reasons['wrong-routing-key']).toMatch(/routing key mission.updated does not match event type mission.created/);
  expect(reasons['no-handler']).toMatch(/no handler for participant.checked_in in e2e/);
  const malformed = await deadLetterFor('malformed');
  expect(malformed.headers[MessageHeaders.originalRoutingKey]).toBe('mission.created');
  expect(malformed.body).toBe('{"specversion": "1.0", oops');
});

it('applies an event delivered twice only once, through the inbox', async () => {
  const event = createEvent('scheduling', 'mission.created', mission('twice'), { subject: 'm' });

  await publishRaw('mission.created', event, event.id);
  await publishRaw('mission.created', event, event.id);

  const seen = await eventually(() => outcomes.get(event.id)?.length === 2 && outcomes.get(event.id));
  expect([...seen].sort()).toEqual(['duplicate', 'handled']);
  expect(await effectsOf([event.id])).toHaveLength(1);
});

it('handles a burst in shared transactions, and rolls back alone a message that fails after writing', async () => {
  const events = await addToOutbox(Array.from({ length: 40 }, (_, i) => (i === 10 ? 'fails-inside-1' : `together-${i}`)));
  const ids = events.map((event) => event.id);

  await eventually(async () => (await effectsOf(ids)).length === 40, { timeoutMs: 10_000, what: 'all 40 events applied' });

  const [counts] = await dataSource.query(
    'SELECT count(*)::int AS applied, count(DISTINCT event_id)::int AS distinct_events FROM effects WHERE event_id = ANY($1::uuid[])',
    [ids],
  );
  expect(counts).toEqual({ applied: 40, distinct_events: 40 });
  // The failing one was retried (its first effect rolled back with it); every other one was handled once.
  expect(ids.map((id) => attempts.get(id))).toEqual(ids.map((_, i) => (i === 10 ? 2 : 1)));
  // An inbox row's received_at is its transaction's start time: fewer of them than events means shared transactions.
  const [transactions] = await dataSource.query('SELECT count(DISTINCT received_at)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [ids]);
  expect(transactions.n).toBeLessThan(40);
  expect(outsideTransaction.filter((id) => ids.includes(id))).toEqual([]);
});

it('applies a burst once when it carries a copy of an event handled before: that batch is undone and its messages handled alone', async () => {
  const { copy: earlier, burst } = await burstWithACopy(
    'ahead-before-the-burst',
    Array.from({ length: 30 }, (_, i) => `ahead-with-a-copy-${i}`),
    5,
  );
  const ids = burst.map((event) => event.id);

  await eventually(async () => (await effectsOf(ids)).length === 30 && outcomes.get(earlier.id)?.includes('duplicate'), {
    timeoutMs: 10_000,
    what: 'the burst applied and the copy found a duplicate',
  });
  const effects = await effectsOf([...ids, earlier.id]);
  expect(effects.filter((effect) => effect.handler === 'exact')).toHaveLength(31);
  expect(new Set(effects.filter((effect) => effect.handler === 'exact').map((effect) => effect.event_id)).size).toBe(31);
  // The copy's batch was undone: its other messages ran twice, the second time alone.
  expect(ids.filter((id) => attempts.get(id) === 2).length).toBeGreaterThan(0);
});

it('keeps a batch together when a message fails before its first statement, and retries that one alone', async () => {
  const events = await addToOutbox(Array.from({ length: 30 }, (_, i) => (i === 3 ? 'fails-before-1' : `ahead-beside-${i}`)));
  const ids = events.map((event) => event.id);

  await eventually(async () => (await effectsOf(ids)).length === 30, { timeoutMs: 10_000, what: 'all 30 events applied' });

  // Had the batch been given up, every message would have been handled twice.
  expect(ids.map((id) => attempts.get(id))).toEqual(ids.map((_, i) => (i === 3 ? 2 : 1)));
  expect(ids.filter((id) => retried.has(id))).toEqual([ids[3]]);
});

it("handles alone, not as a failure, a message that met another's error in a batch that could not commit", async () => {
  // In the middle of a batch, the copy's inbox row waits to go with the next message's statement, which then fails with the copy's error.
  const { copy: earlier, burst: after } = await burstWithACopy(
    'ahead-handled-before',
    Array.from({ length: 10 }, (_, i) => `after-a-copy-${i}`),
    4,
  );
  const ids = after.map((event) => event.id);

  await eventually(async () => (await effectsOf(ids)).length === 10 && outcomes.get(earlier.id)?.includes('duplicate'), {
    timeoutMs: 10_000,
    what: 'the ten applied and the copy found a duplicate',
  });
  // Those that met the copy's error in the batch ran again alone, and none of them went the retry way.
  expect(ids.filter((id) => attempts.get(id) === 2).length).toBeGreaterThan(0);
  expect(ids.filter((id) => retried.has(id))).toEqual([]);
  expect(await effectsOf([earlier.id])).toHaveLength(1);
});

it('handles the messages of a handler that opts out of batches each in a transaction of its own', async () => {
  const events = await addToOutbox(
    Array.from({ length: 20 }, (_, i) => `alone-${i}`),
    'mission.updated',
  );
  const ids = events.map((event) => event.id);

  await eventually(async () => (await effectsOf(ids)).length === 20, { timeoutMs: 10_000, what: 'all 20 events applied' });

  // The id of the transaction that wrote each inbox row (no savepoints outside batches): their start times
  // can coincide, as they run at once on several connections, but two transactions never share an id.
  const [transactions] = await dataSource.query('SELECT count(DISTINCT xmin::text)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [ids]);
  expect(transactions.n).toBe(20);
});

it('loses and doubles nothing when the broker cuts every connection in the middle of a burst', async () => {
  // A second instance of the service's relay, sharing the outbox with the first.
  const secondBroker = new BrokerConnection(options);
  secondBroker.onModuleInit();
  const secondRelay = new OutboxRelay(options, dataSource, secondBroker);
  secondRelay.start();
  try {
    const ids: string[] = [];
    const applied = async () => Number((await dataSource.query('SELECT count(*) AS n FROM effects WHERE event_id = ANY($1::uuid[])', [ids]))[0].n);
    let cut = false;
    // On until the cut has completed and ten batches beyond, however long rabbitmqctl takes: the cut lands inside the burst.
    const produce = (async () => {
      for (let batch = 0, afterCut = 0; afterCut < 10; batch++, afterCut += cut ? 1 : 0) {
        ids.push(...(await addToOutbox(Array.from({ length: 10 }, (_, i) => `burst-${batch}-${i}`))).map((event) => event.id));
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
    try {
      await eventually(async () => (await applied()) >= 50, { what: 'the burst under way' });
      await closeVhostConnections(vhost);
    } finally {
      cut = true;
      await produce;
    }

    await eventually(async () => (await applied()) >= ids.length, { timeoutMs: 30_000, what: `all ${ids.length} events applied` });
    const [counts] = await dataSource.query(
      'SELECT count(*)::int AS applied, count(DISTINCT event_id)::int AS distinct_events FROM effects WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    const [unpublished] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');

    expect(counts).toEqual({ applied: ids.length, distinct_events: ids.length });
    expect(unpublished.n).toBe(0);
  } finally {
    await secondRelay.stop();
    await secondBroker.close();
  }
});

it('recovers from a channel error without losing the consumer', async () => {
  const [broken] = await addToOutbox(['self-ack']);
  await eventually(async () => (await effectsOf([broken.id])).length === 1);

  const [next] = await addToOutbox(['after-channel-error']);

  await eventually(async () => (await effectsOf([next.id])).length === 1, { timeoutMs: 10_000, what: 'the consumer back after the channel error' });
});

it('wakes the relay when the transaction that wrote an event commits, not when it was written', async () => {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let slow: CloudEvent;
  try {
    await runner.startTransaction();
    const data = mission('slow-commit');
    slow = await outbox.add(UnitOfWork.of(runner.manager), 'mission.created', data, { subject: data.missionId, missionId: data.missionId });
    // Another transaction commits meanwhile: the relay's pass that it wakes cannot see the event above yet.
    const [meanwhile] = await addToOutbox(['meanwhile']);
    await eventually(async () => (await effectsOf([meanwhile.id])).length === 1, { what: 'the event committed meanwhile' });
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }

  // The relay does not poll in this file: only the wake-up at this commit can bring it.
  await eventually(async () => (await effectsOf([slow.id])).length === 1, { timeoutMs: 30_000, what: 'the event, once committed' });
});

it('keeps events while the broker refuses the service, and publishes them once it is back', async () => {
  const warnings = jest.spyOn(Logger.prototype, 'warn');
  await rabbitmqctl('clear_permissions', '-p', vhost, 'guest');
  await closeVhostConnections(vhost);
  try {
    const events = await addToOutbox(['outage-1', 'outage-2', 'outage-3']);
    const ids = events.map((event) => event.id);

    // The relay gave up on an attempt (no confirm within the publish timeout) and marked nothing.
    await eventually(() => warnings.mock.calls.some(([entry]) => (entry as { msg?: string })?.msg === 'outbox relay could not publish; retrying'));
    const [pending] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND event_id = ANY($1::uuid[])', [ids]);
    expect(pending.n).toBe(3);

    await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
    await eventually(async () => (await effectsOf(ids)).length === 3, { timeoutMs: 20_000, what: 'events published after the outage' });
  } finally {
    await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
    warnings.mockRestore();
  }
});

it('keeps an event no queue is bound to in the unroutable queue, and counts it published only then', async () => {
  // Every binding of mission.updated in this vhost goes (the publisher declared every service's queue): none routes it now.
  const bindings: [string, string][] = [
    [queueNames(service).main, 'mission.*'],
    [queueNames('registration').main, 'mission.updated'],
    [queueNames('notifications').main, 'mission.updated'],
    // Notifications' webhooks take every event type.
    [queueNames('notifications').main, '#'],
    [queueNames('dashboard').main, '#'],
  ];
  // The publisher declares every binding when its channel opens: that must be over before they go.
  await eventually(() => app.get(BrokerConnection).isReady(), { what: 'the publishing channel open' });
  // The burst test cut the raw publisher's connection.
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  for (const [queue, pattern] of bindings) await channel.unbindQueue(queue, exchange, pattern);
  try {
    const [event] = await addToOutbox(['nobody-listens'], 'mission.updated');

    const kept = await eventually(
      async () => (await listDeadLetters({ url, exchange, service: 'unroutable' })).find((letter) => letter.messageId === event.id),
      {
        what: 'the event kept in the unroutable queue',
      },
    );
    expect(kept.routingKey).toBe('mission.updated');
    expect(JSON.parse(kept.body)).toEqual(event);
    const [row] = await dataSource.query('SELECT published_at FROM outbox WHERE event_id = $1', [event.id]);
    expect(row.published_at).not.toBeNull();
    expect((await app.get(BrokerConnection).describe()).unroutableKept).toBeGreaterThanOrEqual(1);
  } finally {
    for (const [queue, pattern] of bindings) await channel.bindQueue(queue, exchange, pattern);
    await connection.close();
  }
});

// It closes the app every other test uses: the last test of this file, and one that runs alone too (`-t`).
it('on close, finishes the handler under way and acks it before disconnecting', async () => {
  const [event] = await addToOutbox(['slow']);
  await eventually(() => attempts.get(event.id) === 1);

  await app.close();

  expect(await withDatabase((client) => client.query(`SELECT 1 FROM "${schema}".effects WHERE event_id = $1`, [event.id]))).toMatchObject({ rowCount: 1 });
  // The burst test cut the raw publisher's connection too.
  const connection = await amqp.connect(url);
  const { messageCount } = await (await connection.createChannel()).checkQueue(queueNames(service).main);
  await connection.close();
  expect(messageCount).toBe(0);
});
