/**
 * `npm run bench:consumers`: what one consuming service costs per event, in CPU of its own process,
 * of Postgres and of RabbitMQ, and how long an event takes from its publish to its commit. CPU time
 * per event hardly depends on what else the machine runs, so builds can be compared on a shared
 * machine where `bench:registrations`' rates and latencies swing with the neighbours' load.
 * See docs/benchmarks.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';
import pg from 'pg';
import { CLOUDEVENTS_CONTENT_TYPE, type CloudEvent } from '#contracts';
import { registrationConfirmed } from '../test/support/events.js';
import { parseStreamNotice, streamChannel } from '../apps/dashboard/src/event-log/stream-notice.js';
import { CpuSampler } from './harness/cpu.js';
import { ensureDatabase } from '#common';
import { createVhost, deleteVhost, rabbitmqUrlFor } from '../test/support/isolation.js';
import { BenchLock } from './harness/bench-lock.js';
import { Children, freePort, sleep, waitReady } from './harness/processes.js';
import { distribution, pair, table } from './harness/stats.js';

const HELP = `npm run bench:consumers -- [options]

Starts the dashboard (built: npm run build) alone in the bench's isolation (vhost mission-hub-bench,
schema dashboard_bench of mission_hub_bench), publishes registration.confirmed events straight to
the exchange at a fixed rate, and measures CPU per event and publish→commit latency (the commit's
notification on the dashboard's stream channel) until every event is in.

  --roots .,/tmp/other       builds to compare, each a folder with dist/ and package.json (default .)
  --rounds 2                 each root this many times, taking turns                  (default 2)
  --events 4000              events per measurement                                   (default 4000)
  --rate 400                 events published per second                              (default 400)
  --missions 1               missions the events are spread over                     (default 1)
  --vhost mission-hub-bench  the RabbitMQ vhost of the run (made and deleted by it)
  --node-arg ARG             a node option for the dashboard's process (repeatable), e.g. --cpu-prof
`;

const { values: flag } = parseArgs({
  options: {
    roots: { type: 'string', default: '.' },
    rounds: { type: 'string', default: '2' },
    events: { type: 'string', default: '4000' },
    rate: { type: 'string', default: '400' },
    missions: { type: 'string', default: '1' },
    vhost: { type: 'string', default: 'mission-hub-bench' },
    'node-arg': { type: 'string', multiple: true },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/mission_hub_bench' },
    'rabbitmq-url': { type: 'string', default: 'amqp://guest:guest@127.0.0.1:5672' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (flag.help) {
  console.log(HELP);
  process.exit(0);
}

const roots = String(flag.roots)
  .split(',')
  .filter(Boolean)
  .map((root) => resolve(root));
const rounds = Number(flag.rounds);
const events = Number(flag.events);
const rate = Number(flag.rate);
const missionCount = Number(flag.missions);
const databaseUrl = String(flag['database-url']);
const databaseName = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
const vhost = String(flag.vhost);
const rabbitmqUrl = rabbitmqUrlFor(vhost, String(flag['rabbitmq-url']));
const schema = 'dashboard_bench';
const exchange = 'mission-hub.events';

const lock = new BenchLock();
const children = new Children(mkdtempSync(join(tmpdir(), 'mission-hub-consumers-')));

interface Measured {
  root: string;
  round: number;
  seconds: number;
  cpuMsPerEvent: Record<string, number>;
  latency: ReturnType<typeof distribution>;
  other: number;
}

try {
  await main();
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nservice logs: ${children.logDir}`);
  process.exitCode = 1;
} finally {
  await children.stopAll();
  await deleteVhost(vhost).catch((error: Error) => console.error(`vhost ${vhost} not deleted: ${error.message}`));
  await lock.dropSchemas([schema]).catch(() => undefined);
  await lock.release();
}

async function main(): Promise<void> {
  console.log(
    `consumer benchmark · ${new Date().toISOString()} · load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  console.log(`${events} registration.confirmed at ${rate}/s over ${missionCount} mission(s) into the dashboard; roots: ${roots.join(', ')}\n`);
  await ensureDatabase(databaseUrl);
  await lock.acquire(databaseUrl);
  const results: Measured[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const root of roots) {
      const result = await measure(root, round);
      results.push(result);
      console.log(
        `${root} round ${round}: ${result.seconds.toFixed(1)} s, publish→commit ${pair(result.latency)} ms, CPU ms/event ${Object.entries(result.cpuMsPerEvent)
          .map(([group, value]) => `${group} ${value.toFixed(2)}`)
          .join(', ')}; other ${result.other.toFixed(2)} cores`,
      );
    }
  }
  const groups = ['dashboard', 'postgres (bench db)', 'rabbitmq', 'total'];
  console.log('\nCPU ms per event (mean over rounds), publish→commit p50 / p99 ms (each round):');
  console.log(
    table([
      ['root', ...groups, 'publish→commit', 'other cores'],
      ...roots.map((root) => {
        const mine = results.filter((result) => result.root === root);
        const mean = (group: string) => mine.reduce((sum, result) => sum + (result.cpuMsPerEvent[group] ?? 0), 0) / mine.length;
        return [
          root,
          ...groups.map((group) => mean(group).toFixed(2)),
          mine.map((result) => pair(result.latency)).join(', '),
          mine.map((result) => result.other.toFixed(2)).join(', '),
        ];
      }),
    ]),
  );
}

async function measure(root: string, round: number): Promise<Measured> {
  await lock.dropSchemas([schema]);
  await createVhost(vhost, { replace: true });
  const port = await freePort();
  const name = `dashboard-${round}-${roots.indexOf(root)}`;
  const child = children.spawn(
    name,
    join(root, 'dist/apps/dashboard/src/main.js'),
    {
      NODE_ENV: 'production',
      // One load generator is one client address: the limits would measure themselves.
      RATE_LIMITS: 'off',
      PARTICIPANT_TOKEN_SECRET: randomBytes(24).toString('hex'),
      PARTICIPANT_LINK_SECRET: randomBytes(24).toString('hex'),
      DATABASE_URL: databaseUrl,
      DB_SCHEMA: schema,
      RABBITMQ_URL: rabbitmqUrl,
      JWT_SECRET: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'warn',
      PORT: String(port),
    },
    flag['node-arg'],
  );
  const listener = new pg.Client({ connectionString: databaseUrl });
  const connection = await amqp.connect(rabbitmqUrl);
  try {
    await waitReady(`http://127.0.0.1:${port}/health/ready`, child, 60_000, 'dashboard');
    const committed = new Map<string, number>();
    await listener.connect();
    listener.on('notification', (notice) => {
      const json = notice.payload ? parseStreamNotice(notice.payload)?.json : null;
      if (json) committed.set((JSON.parse(json) as CloudEvent).id, performance.now());
    });
    await listener.query(`LISTEN "${streamChannel(schema)}"`);
    const channel = await connection.createConfirmChannel();
    const missions = Array.from({ length: missionCount }, () => randomUUID());
    const batch = Array.from({ length: events }, (_, n) =>
      registrationConfirmed(missions[n % missionCount]!, {
        participant: {
          email: `p${n}@bench.example`,
          givenName: 'Lin',
          familyName: `Participant ${n}`,
          preferredLanguage: 'en',
          delegation: n % 2 ? 'Barcelona' : null,
        },
      }),
    );

    const cpu = new CpuSampler(databaseName);
    cpu.track(child.pid, 'dashboard');
    const before = cpu.snapshot();
    const published = new Map<string, number>();
    const started = performance.now();
    for (let n = 0; n < events; n++) {
      const due = started + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const event = batch[n]!;
      published.set(event.id, performance.now());
      channel.publish(exchange, event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
        messageId: event.id,
        contentType: CLOUDEVENTS_CONTENT_TYPE,
      });
    }
    await channel.waitForConfirms();
    const deadline = performance.now() + 120_000;
    while (committed.size < events) {
      if (performance.now() > deadline) throw new Error(`only ${committed.size} of ${events} events committed after 2 minutes`);
      await sleep(20);
    }
    const after = cpu.snapshot();
    const usage = cpu.usage(before, after);
    const perEvent = (cores: number) => (cores * usage.seconds * 1000) / events;
    const cpuMsPerEvent: Record<string, number> = {};
    let total = 0;
    for (const group of ['dashboard', 'postgres (bench db)', 'rabbitmq']) {
      cpuMsPerEvent[group] = perEvent(usage.groups[group] ?? 0);
      total += cpuMsPerEvent[group];
    }
    cpuMsPerEvent.total = total;
    const latencies = [...published].map(([id, at]) => (committed.get(id) ?? Number.NaN) - at);
    return { root, round, seconds: usage.seconds, cpuMsPerEvent, latency: distribution(latencies), other: usage.groups.other ?? 0 };
  } finally {
    await connection.close().catch(() => undefined);
    await listener.end().catch(() => undefined);
    await children.stopAll();
  }
}
