/**
 * The messaging backbone against the real broker and database: outbox → relay → exchange →
 * AmqpEventsServer → @EventPattern handler → inbox, with retries, dead letters, duplicates and a
 * broker that cuts every connection in the middle of a burst. Runs in its own vhost and schema.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Controller, Inject, type INestApplication } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { jest } from '@jest/globals';
import amqp from 'amqplib';
import { DataSource } from 'typeorm';
import { CLOUDEVENTS_CONTENT_TYPE, createEvent, type CloudEvent, type EventData } from '#contracts';
import {
  AmqpEventContext,
  AmqpEventsServer,
  BrokerConnection,
  CreateInbox1732000000001,
  CreateOutbox1732000000000,
  InboxService,
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

@Controller()
class MissionConsumer {
  constructor(@Inject(InboxService) private readonly inbox: InboxService) {}

  /** `code` steers the behaviour: `doomed` always fails, `flaky-N` fails its first N attempts, `slow` takes a while. */
  @EventPattern('mission.created')
  async onCreated(@Payload() event: CloudEvent<'mission.created'>, @Ctx() context: AmqpEventContext): Promise<void> {
    const attempt = (attempts.get(event.id) ?? 0) + 1;
    attempts.set(event.id, attempt);
    const { code } = event.data;
    if (code === 'doomed') throw new Error('doomed to fail');
    const flaky = /^flaky-(\d+)$/.exec(code);
    if (flaky && attempt <= Number(flaky[1])) throw new Error(`flaky, attempt ${attempt}`);
    if (code === 'slow') await new Promise((resolve) => setTimeout(resolve, 700));
    await this.record(event, 'exact', context);
  }

  @EventPattern('mission.*')
  async onAnyMission(@Payload() event: CloudEvent, @Ctx() context: AmqpEventContext): Promise<void> {
    attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
    await this.record(event, 'wildcard', context);
  }

  private async record(event: CloudEvent, handler: string, context: AmqpEventContext): Promise<void> {
    await this.inbox.handle(event, `e2e.${handler}`, async (manager) => {
      await manager.query('INSERT INTO effects (event_id, code, handler, routing_key) VALUES ($1, $2, $3, $4)', [
        event.id,
        (event.data as { code: string }).code,
        handler,
        context.getRoutingKey(),
      ]);
    });
  }
}

const options: MessagingOptions = {
  service,
  producer: 'scheduling',
  rabbitmqUrl: url,
  exchange,
  schema,
  // A poll this slow never fires during the test: every delivery below is driven by LISTEN/NOTIFY.
  relay: { pollIntervalMs: 60_000 },
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
      events.push(await outbox.add(manager, type, data, { subject: data.missionId, missionId: data.missionId }));
    }
    return events;
  });
}

async function effectsOf(eventIds: string[]): Promise<{ event_id: string; handler: string; routing_key: string }[]> {
  return dataSource.query('SELECT event_id, handler, routing_key FROM effects WHERE event_id = ANY($1::uuid[])', [eventIds]);
}

async function publishRaw(routingKey: string, body: string | object, messageId: string, queue?: string): Promise<void> {
  const content = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const properties = { contentType: CLOUDEVENTS_CONTENT_TYPE, persistent: true, messageId };
  if (queue) rawChannel.sendToQueue(queue, content, properties);
  else rawChannel.publish(exchange, routingKey, content, properties);
  await rawChannel.waitForConfirms();
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
          extra: { options: `-c search_path=${schema}` },
          migrations: [CreateOutbox1732000000000, CreateInbox1732000000001],
          migrationsRun: true,
        }),
      }),
      MessagingModule.forService(options),
    ],
    controllers: [MissionConsumer],
  }).compile();
  app = moduleRef.createNestApplication({ logger: process.env.E2E_LOG ? ['log', 'warn', 'error', 'debug'] : false });
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
  const started = Date.now();
  const [created] = await addToOutbox(['plain']);
  const [updated] = await addToOutbox(['plain'], 'mission.updated');

  const effects = await eventually(async () => {
    const rows = await effectsOf([created.id, updated.id]);
    return rows.length === 2 && rows;
  });
  const elapsed = Date.now() - started;

  expect(effects).toEqual(
    expect.arrayContaining([
      { event_id: created.id, handler: 'exact', routing_key: 'mission.created' },
      { event_id: updated.id, handler: 'wildcard', routing_key: 'mission.updated' },
    ]),
  );
  // Far below the 60 s poll: the notification woke the relay.
  expect(elapsed).toBeLessThan(5_000);
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
  // Straight into the queue, without the header that names the event type: no handler can take it.
  await publishRaw('', valid, 'no-handler', queueNames(service).main);
  const [next] = await addToOutbox(['after-poison']);

  await eventually(async () => (await effectsOf([next.id])).length === 1);
  const reasons = Object.fromEntries(
    await Promise.all(['malformed', 'invalid', 'unknown-type', 'wrong-routing-key', 'no-handler'].map(async (id) => [id, (await deadLetterFor(id)).reason])),
  );

  expect(reasons.malformed).toMatch(/^malformed JSON/);
  expect(reasons.invalid).toMatch(/data does not match mission.created v1: .*code/);
  expect(reasons['unknown-type']).toMatch(/unknown event type mission.exploded/);
  expect(reasons['wrong-routing-key']).toMatch(/routing key mission.updated does not match event type mission.created/);
  expect(reasons['no-handler']).toMatch(/no handler for mission-hub.e2e/);
  const malformed = await deadLetterFor('malformed');
  expect(malformed.headers[MessageHeaders.originalRoutingKey]).toBe('mission.created');
  expect(malformed.body).toBe('{"specversion": "1.0", oops');
});

it('applies an event delivered twice only once, through the inbox', async () => {
  const event = createEvent('scheduling', 'mission.created', mission('twice'), { subject: 'm' });

  await publishRaw('mission.created', event, event.id);
  await publishRaw('mission.created', event, event.id);

  await eventually(() => attempts.get(event.id) === 2);
  expect(await effectsOf([event.id])).toHaveLength(1);
});

it('loses and doubles nothing when the broker cuts every connection in the middle of a burst', async () => {
  // A second instance of the service's relay, sharing the outbox with the first.
  const secondBroker = new BrokerConnection(options);
  secondBroker.onModuleInit();
  const secondRelay = new OutboxRelay(options, dataSource, secondBroker);
  secondRelay.start();

  const ids: string[] = [];
  const applied = async () => Number((await dataSource.query('SELECT count(*) AS n FROM effects WHERE event_id = ANY($1::uuid[])', [ids]))[0].n);
  let appliedWhenCut = -1;
  const produce = (async () => {
    for (let batch = 0; batch < 50; batch++) {
      ids.push(...(await addToOutbox(Array.from({ length: 10 }, (_, i) => `burst-${batch}-${i}`))).map((event) => event.id));
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  })();
  const cut = (async () => {
    await eventually(async () => (await applied()) >= 50, { what: 'the burst under way' });
    await closeVhostConnections(vhost);
    appliedWhenCut = await applied();
  })();
  await Promise.all([produce, cut]);

  await eventually(async () => (await applied()) >= 500, { timeoutMs: 30_000, what: 'all 500 events applied' });
  const [counts] = await dataSource.query(
    'SELECT count(*)::int AS applied, count(DISTINCT event_id)::int AS distinct_events FROM effects WHERE event_id = ANY($1::uuid[])',
    [ids],
  );
  const [unpublished] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');

  expect(ids).toHaveLength(500);
  expect(appliedWhenCut).toBeLessThan(500);
  expect(counts).toEqual({ applied: 500, distinct_events: 500 });
  expect(unpublished.n).toBe(0);

  await secondRelay.stop();
  await secondBroker.close();
});

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
