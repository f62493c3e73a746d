/**
 * `npm run bench:registrations`: registrations per second through mission-hub, end to end, beside
 * the same I/O done bare on the same machine in the same run. See docs/benchmarks.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EventSourceMessage } from 'eventsource-parser';
import { BalancedPool, Pool } from 'undici';
import { BARE_CONSUMERS } from './bare/protocol.js';
import { BareSystem } from './bare/system.js';
import { CpuSampler } from './harness/cpu.js';
import { ensureDatabase } from '#common';
import { createVhost, deleteVhost, rabbitmqUrlFor } from '../test/support/isolation.js';
import { ThreadedSmtpSink } from '../test/support/smtp-sink.js';
import { SseClient } from '../test/support/sse.js';
import { BenchLock } from './harness/bench-lock.js';
import { MEASURED_SERVICES, MissionHub } from './harness/mission-hub.js';
import { runPhase, type PhaseKind, type PhaseOptions, type PhaseResult, type Target } from './harness/phase.js';
import { Children } from './harness/processes.js';
import { PgWaitSampler } from './harness/pg-waits.js';
import { cpuTable, phaseName, phaseTable, progressLine, switchesTable, systemOf, waitTable } from './harness/report.js';
import { ms, pair, rate, table } from './harness/stats.js';

const HELP = `npm run bench:registrations -- [options]

Brings up its own isolated copy of the system (vhost ${'`mission-hub-bench`'}, schemas <service>_bench and
bare_bench in the database mission_hub_bench, an SMTP sink, the built services as child processes),
drives POST /api/missions/:id/registrations open-loop, and prints the figures. Build first: npm run build.

  --rates 100,400            fixed rates, registrations/s                      (default 100,400)
  --seconds 10               length of each fixed-rate phase                    (default 10)
  --warmup-seconds 2         a phase at 100/s before measuring, 0 for none     (default 2)
  --ramp-start 500           first rate of the search for the highest sustained rate
  --ramp-factor 1.25         each step offers this much more than the last
  --ramp-seconds 5           length of each step
  --ramp-steps 8             most steps before giving up climbing
  --refine 4                 bisections between the highest sustained and the lowest failed rate
  --confirm 1                a rate that fails is tried this many times more before it counts as failed
                             (one slow phase on a shared machine is noise; the same for both systems)
  --no-ramp                  fixed rates only
  --max-http-p99 500         a step is sustained only if HTTP p99 stays under this (ms)
  --max-e2e-p99 1000         … and POST→dashboard / POST→mail p99 under this (ms)
  --capacity-ratio 0.9       each phase's mission has seats for this share of what it is sent
  --connections 512          keep-alive connections of the load generator, per target
  --drain-seconds 30         how long to wait after a phase for the events and mails still on their way
  --only mission-hub|bare    measure one system only
  --instances 1,2            processes of each service, and of each bare part, behind a balanced pool;
                             a list measures each count in turn, on systems started afresh   (default 1)
  --bare-capacity            the bare producer also takes a seat under a per-mission counter row (lock)
  --database-url URL         (default postgres://postgres@127.0.0.1:5432/mission_hub_bench)
  --rabbitmq-url URL         base URL; the run's vhost is added (default amqp://guest:guest@127.0.0.1:5672)
  --vhost mission-hub-bench  the run's RabbitMQ vhost (with another --database-url, two runs can share the machine)
  --log-level info           LOG_LEVEL of the services (info, as deployed)
  --db-pool-size N           DB_POOL_SIZE of the services (default: theirs)
  --json FILE                also write every figure as JSON
  --idempotency-keys         send an Idempotency-Key with each registration, as a form would
  --node-arg ARG             a node option for the services' processes (repeatable), e.g. to profile:
                             --node-arg=--prof --node-arg=--logfile=/tmp/v8-%p.log
  --profile DIR              a CPU profile of every process of the system under load during each fixed-rate
                             phase (V8's sampler, 250 µs), DIR/<phase>.<process>.cpuprofile; read them with
                             npm run bench:flame -- DIR (a table per process and an SVG flame graph each)
  --keep                     leave the schemas and the vhost in place at the end

Against a system that is already running (no services are started; the bare part still runs):
  --scheduling-url URL --registration-url URL --dashboard-url URL --jwt-secret SECRET
  --smtp-port 1025           where the bench's SMTP sink listens (the system's SMTP_URL must point there;
                             if the port is taken, POST→mail is not measured)
`;

const { values: flag } = parseArgs({
  options: {
    rates: { type: 'string', default: '100,400' },
    seconds: { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string', default: '2' },
    'ramp-start': { type: 'string', default: '500' },
    'ramp-factor': { type: 'string', default: '1.25' },
    'ramp-seconds': { type: 'string', default: '5' },
    'ramp-steps': { type: 'string', default: '8' },
    refine: { type: 'string', default: '4' },
    confirm: { type: 'string', default: '1' },
    'no-ramp': { type: 'boolean', default: false },
    'max-http-p99': { type: 'string', default: '500' },
    'max-e2e-p99': { type: 'string', default: '1000' },
    'capacity-ratio': { type: 'string', default: '0.9' },
    connections: { type: 'string', default: '512' },
    'drain-seconds': { type: 'string', default: '30' },
    only: { type: 'string' },
    instances: { type: 'string', default: '1' },
    'bare-capacity': { type: 'boolean', default: false },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/mission_hub_bench' },
    'rabbitmq-url': { type: 'string', default: 'amqp://guest:guest@127.0.0.1:5672' },
    vhost: { type: 'string', default: 'mission-hub-bench' },
    'log-level': { type: 'string', default: 'info' },
    'db-pool-size': { type: 'string' },
    json: { type: 'string' },
    'node-arg': { type: 'string', multiple: true },
    'idempotency-keys': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    profile: { type: 'string' },
    'scheduling-url': { type: 'string' },
    'registration-url': { type: 'string' },
    'dashboard-url': { type: 'string' },
    'jwt-secret': { type: 'string' },
    'smtp-port': { type: 'string', default: '1025' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (flag.help) {
  console.log(HELP);
  process.exit(0);
}

const number = (name: keyof typeof flag): number => {
  const value = Number(flag[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number, not ${String(flag[name])}`);
  return value;
};
const fixedRates = String(flag.rates)
  .split(',')
  .filter(Boolean)
  .map((value) => Number(value));
if (fixedRates.some((value) => !(value > 0))) throw new Error('--rates must list positive numbers');
const instanceCounts = String(flag.instances)
  .split(',')
  .filter(Boolean)
  .map((value) => Number(value));
if (!instanceCounts.length || instanceCounts.some((value) => !Number.isInteger(value) || value < 1))
  throw new Error('--instances must list whole numbers from 1');
const measure = { 'mission-hub': flag.only !== 'bare', bare: flag.only !== 'mission-hub' };
const external = Boolean(flag['registration-url'] || flag['scheduling-url'] || flag['dashboard-url']);
if (external && !(flag['registration-url'] && flag['scheduling-url'] && flag['dashboard-url'] && flag['jwt-secret'])) {
  throw new Error('against a running system, give --scheduling-url, --registration-url, --dashboard-url and --jwt-secret');
}
if (external && instanceCounts.some((value) => value !== 1)) throw new Error('--instances starts processes: not against a running system');

const phaseDefaults = {
  capacityRatio: number('capacity-ratio'),
  abortBacklogSeconds: 3,
  idempotencyKeys: Boolean(flag['idempotency-keys']),
  drainSeconds: number('drain-seconds'),
  settleSeconds: 60,
  maxHttpP99: number('max-http-p99'),
  maxEndToEndP99: number('max-e2e-p99'),
};

const runId = randomBytes(3).toString('hex');
const databaseUrl = String(flag['database-url']);
const databaseName = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
const vhost = String(flag.vhost);
const rabbitmqUrl = rabbitmqUrlFor(vhost, String(flag['rabbitmq-url']));
const schemaSuffix = '_bench';
const bareSchema = 'bare_bench';
const jwtSecret = String(flag['jwt-secret'] ?? randomBytes(24).toString('hex'));
const logDir = mkdtempSync(join(tmpdir(), 'mission-hub-bench-'));

const profileDir = flag.profile ? resolve(String(flag.profile)) : undefined;
if (profileDir) {
  mkdirSync(profileDir, { recursive: true });
  process.env.BENCH_PROFILE_DIR = profileDir;
}
/** Node options of every process of both systems: the profiler's preload when profiling. */
const profileArgs = profileDir ? ['--import', fileURLToPath(new URL('./harness/profile-preload.js', import.meta.url))] : [];

const lock = new BenchLock();
const children = new Children(logDir);
const smtp = new ThreadedSmtpSink();
const pools: Array<Pool | BalancedPool> = [];
const results: PhaseResult[] = [];
/** The highest sustained rate of each system, by `ceilingKey`, and the lowest that was not. */
const ceilings = new Map<string, { rate: number; firstFailed?: number }>();
let phaseNumber = 0;
let cleaning: Promise<void> | undefined;

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(pools.map((pool) => pool.destroy().catch(() => undefined)));
    await children.stopAll();
    await smtp.stop().catch(() => undefined);
    if (!flag.keep) {
      await deleteVhost(vhost).catch((error: Error) => console.error(`vhost ${vhost} not deleted: ${error.message}`));
      const schemas = [...(external ? [] : MEASURED_SERVICES.map((service) => MissionHub.schemaOf(service, schemaSuffix))), bareSchema];
      await lock.dropSchemas(schemas).catch(() => undefined);
    }
    await lock.release();
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping what this run started…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (err) {
  console.error(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  console.error(`service logs: ${logDir}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function main(): Promise<void> {
  const began = Date.now();
  console.log(
    `mission-hub registrations benchmark · run ${runId} · ${new Date().toISOString()}\n` +
      `machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}, node ${process.version}\n` +
      `isolation: database ${databaseName}, schemas *${schemaSuffix} and ${bareSchema}, vhost ${vhost}; logs in ${logDir}\n`,
  );

  await ensureDatabase(databaseUrl);
  await lock.acquire(databaseUrl);
  const headroom = await lock.connectionHeadroom();
  // Each service's pool (DB_POOL_SIZE, 10 by default), the dashboard's stream listener; the bare processes take up to 6 each.
  const servicePool = flag['db-pool-size'] ? number('db-pool-size') : 10;
  const most = Math.max(...instanceCounts);
  const wanted =
    most * ((measure['mission-hub'] && !external ? MEASURED_SERVICES.length * servicePool + 1 : 0) + (measure.bare ? (BARE_CONSUMERS.length + 1) * 6 : 0));
  console.log(`postgres: ${headroom.used} of max_connections ${headroom.max} in use; this run may open up to ${wanted}`);
  if (headroom.max - headroom.used < wanted) {
    console.log('  warning: fewer free than that: under load a service may meet "too many clients" (other runs on this machine share the server)');
  }

  let mailMeasured = true;
  try {
    await smtp.start(external ? number('smtp-port') : 0);
  } catch (err) {
    if (!external) throw err;
    mailMeasured = false;
    console.log(`SMTP sink could not listen on ${flag['smtp-port']} (${(err as Error).message}): POST→mail is not measured.`);
  }

  const cpu = new CpuSampler(databaseName);
  const waits = new PgWaitSampler((sql) => lock.query(sql) as Promise<{ rows: Array<Record<string, string>> }>);
  // Each count of instances on systems of its own, started afresh (schemas, vhost), one after the other.
  for (const instances of instanceCounts) {
    if (instanceCounts.length > 1) console.log(`\n── ${instances} instance${instances === 1 ? '' : 's'} of each ──`);
    await measureWith(instances, { cpu, waits, mailMeasured });
  }

  console.log(`\n${'═'.repeat(24)} results (run ${runId}, ${((Date.now() - began) / 1000).toFixed(0)} s) ${'═'.repeat(24)}\n`);
  console.log('Every phase (latencies in ms, p50 / p99, counted from the scheduled start of each POST):');
  console.log(phaseTable(results));
  console.log(
    '  →dashboard: mission-hub = the registration.confirmed/waitlisted event on the dashboard SSE stream; bare = the dashboard consumer committed and acked.\n' +
      '  →mail:      both = the e-mail fully received by the SMTP sink (the bare notifications consumer sends it with pooled nodemailer).\n' +
      '  lag p99: how late the load generator sent against its schedule (large = the bench itself was short of CPU).\n',
  );
  console.log('CPU, in cores busy on average while each phase was sending (machine = whole machine; other = processes not of this run):');
  console.log(cpuTable(results));
  console.log('');
  console.log(
    'Context switches per registration sent, while sending (each a process or thread put to sleep and woken again; on this kind of VM a wake-up costs more CPU than most of the work it wakes for):',
  );
  console.log(switchesTable(results));
  console.log('');

  console.log('Where the database time went: sessions of this run in pg_stat_activity, by state, averaged over 100 ms samples while sending');
  console.log('(fixed rates, and the first step each system did not sustain):');
  for (const result of results.filter(
    (r) => r.kind === 'fixed' || r === results.find((x) => x.system === r.system && x.instances === r.instances && !x.verdict.sustained && x.kind === 'ramp'),
  )) {
    console.log(`[${systemOf(result)}] ${phaseName(result)}`);
    console.log(waitTable(result));
  }
  console.log('');

  console.log('Summary:');
  for (const instances of instanceCounts) {
    if (instanceCounts.length > 1) console.log(`${instances} instance${instances === 1 ? '' : 's'} of each service and of each bare part:`);
    console.log(table(summaryRows(instances)));
  }
  if (instanceCounts.length > 1) {
    console.log('\nInstances side by side (ratios: mission-hub / bare with as many instances):');
    console.log(table(instancesRows()));
  }

  const first = instanceCounts[0];
  if (measure['mission-hub']) {
    console.log('');
    console.log(table(aimRows(first)));
  }
  const noise = results.map((result) => result.cpu.groups.other ?? 0);
  if (noise.length) {
    console.log(
      `\nNoise: processes not of this run used ${Math.min(...noise).toFixed(2)}–${Math.max(...noise).toFixed(2)} cores during the phases (of ${cpus().length}); ` +
        'compare runs only when this is low.',
    );
  }

  if (flag.json) {
    writeFileSync(
      String(flag.json),
      JSON.stringify({ runId, at: new Date().toISOString(), flags: flag, results, ceilings: Object.fromEntries(ceilings) }, null, 2),
    );
    console.log(`figures written to ${flag.json}`);
  }
}

/** Starts both systems with `instances` of each process, measures them taking turns, and stops them. */
async function measureWith(instances: number, probes: { cpu: CpuSampler; waits: PgWaitSampler; mailMeasured: boolean }): Promise<void> {
  const { cpu, waits, mailMeasured } = probes;
  await lock.dropSchemas([...(external ? [] : MEASURED_SERVICES.map((service) => MissionHub.schemaOf(service, schemaSuffix))), bareSchema]);
  await createVhost(vhost, { replace: true });
  const missionHub = external
    ? MissionHub.external(jwtSecret, {
        scheduling: String(flag['scheduling-url']),
        registration: String(flag['registration-url']),
        dashboard: String(flag['dashboard-url']),
        notifications: '',
      })
    : new MissionHub(jwtSecret, children);
  const bare = new BareSystem(children, {
    databaseUrl,
    schema: bareSchema,
    rabbitmqUrl,
    smtpUrl: smtp.url,
    capacityCheck: Boolean(flag['bare-capacity']),
    nodeArgs: profileArgs,
  });

  const startedAt = Date.now();
  await Promise.all([
    measure['mission-hub'] && !external
      ? missionHub.start(
          {
            databaseUrl,
            rabbitmqUrl,
            smtpUrl: smtp.url,
            jwtSecret,
            logLevel: String(flag['log-level']),
            schemaSuffix,
            nodeArgs: [...profileArgs, ...(flag['node-arg'] ?? [])],
            dbPoolSize: flag['db-pool-size'] ? number('db-pool-size') : undefined,
          },
          instances,
        )
      : undefined,
    measure.bare ? bare.createSchema((sql) => lock.query(sql)).then(() => bare.start(instances)) : undefined,
  ]);
  console.log(`systems up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
  for (const [name, pid] of [...missionHub.pids(), ...bare.pids()]) cpu.track(pid, name);

  const connections = number('connections');
  // One pool over every instance's entry: undici's balanced pool sends each request to the least busy.
  const poolFor = (origins: string[]) => {
    const options = { connections, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: 60_000, bodyTimeout: 60_000 };
    const pool = origins.length === 1 ? new Pool(origins[0], options) : new BalancedPool(origins, options);
    pools.push(pool);
    return pool;
  };

  const targets: Target[] = [];
  if (measure['mission-hub']) {
    const token = missionHub.organiserToken();
    let streams = 0;
    targets.push({
      system: 'mission-hub',
      instances,
      pool: poolFor(missionHub.urls.registration),
      prepare: async (capacity, tag) => {
        const missionId = await missionHub.openMission(capacity, tag);
        // Each mission's stream on the next dashboard instance: an organiser is served from any of them.
        const dashboard = missionHub.urls.dashboard[streams++ % missionHub.urls.dashboard.length];
        const outcomes = outcomeArrivals();
        const stream = await new SseClient(
          `${dashboard}/api/missions/${missionId}/stream`,
          { authorization: `Bearer ${token}` },
          { onEvent: outcomes.note },
        ).openWhenReady();
        return {
          path: `/api/missions/${missionId}/registrations`,
          observers: [
            { label: 'dashboard', arrivalOf: (sample) => (sample.id ? outcomes.arrivals.get(sample.id) : undefined) },
            ...(mailMeasured ? [{ label: 'mail', arrivalOf: (sample: { email: string }) => smtp.arrivals.get(sample.email) }] : []),
          ],
          check: async (samples) => {
            const listed = await missionHub.confirmedRegistrations(missionId);
            const accepted = samples.filter((sample) => sample.status === 201).length;
            const answered = samples.filter((sample) => sample.outcome === 'confirmed').length;
            const expected = Math.min(capacity, accepted);
            const unique = new Set(listed).size === listed.length;
            const streamed = outcomes.counts.get('registration.confirmed') ?? 0;
            const ok = listed.length === expected && answered === listed.length && unique && listed.length <= capacity;
            return {
              ok,
              capacity,
              listed: listed.length,
              answered,
              detail: `capacity ${capacity}, ${listed.length} confirmed listed, ${answered} answered confirmed, ${streamed} confirmed on the stream`,
            };
          },
          close: () => stream.close(),
        };
      },
    });
  }
  if (measure.bare) {
    targets.push({
      system: 'bare',
      instances,
      pool: poolFor(bare.origins),
      prepare: async (capacity) => {
        const missionId = randomUUID();
        if (flag['bare-capacity']) {
          await fetch(`${bare.origin}/api/missions/${missionId}/registration-settings`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ capacity }),
          });
        }
        return {
          path: `/api/missions/${missionId}/registrations`,
          observers: [
            { label: 'dashboard', arrivalOf: (sample) => (sample.id ? bare.arrivals.dashboard.get(sample.id) : undefined) },
            ...(mailMeasured ? [{ label: 'mail', arrivalOf: (sample: { email: string }) => smtp.arrivals.get(sample.email) }] : []),
          ],
          close: async () => undefined,
        };
      },
    });
  }

  const run = async (target: Target, kind: PhaseKind, rateValue: number, seconds: number): Promise<PhaseResult> => {
    phaseNumber += 1;
    const options: PhaseOptions = { ...phaseDefaults, kind, rate: rateValue, seconds, tag: `b${runId}-${target.system === 'bare' ? 'x' : 'm'}${phaseNumber}` };
    const pids = (target.system === 'bare' ? bare.pids() : missionHub.pids()).flatMap(([, pid]) => pid ?? []);
    const profiler = profileDir && kind === 'fixed' ? phaseProfiler(profileDir, `${target.system}-${instances}x-${rateValue}`, pids) : undefined;
    const result = await runPhase(target, options, { cpu, waits, children, profiler });
    console.log(progressLine(result));
    if (kind !== 'warm-up') results.push(result);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return result;
  };

  const warmup = number('warmup-seconds');
  if (warmup > 0) for (const target of targets) await run(target, 'warm-up', 100, warmup);
  // Fixed rates, the systems taking turns, so that noise from the rest of the machine falls on both alike.
  for (const fixedRate of fixedRates) for (const target of targets) await run(target, 'fixed', fixedRate, number('seconds'));

  if (!flag['no-ramp']) {
    for (const target of targets) {
      console.log(`\n[${systemOf(target)}] searching for the highest sustained rate…`);
      const mine = results.filter((result) => result.system === target.system && result.instances === instances);
      // A rate that failed counts as failed only if it fails again (`--confirm` more tries at it).
      const sustains = async (rate: number, first?: PhaseResult): Promise<boolean> => {
        if (first?.verdict.sustained) return true;
        for (let again = 0; again < number('confirm'); again++) if ((await run(target, 'ramp', rate, number('ramp-seconds'))).verdict.sustained) return true;
        return false;
      };
      // What the fixed rates already showed: the highest sustained and the lowest that was not, confirmed.
      let sustained = Math.max(0, ...mine.filter((result) => result.verdict.sustained).map((result) => result.rate));
      const failedRates = mine
        .filter((result) => !result.verdict.sustained)
        .map((result) => result.rate)
        .sort((a, b) => a - b);
      let failed: number | undefined;
      for (const rate of failedRates) {
        if (rate <= sustained) continue;
        if (!(await sustains(rate))) {
          failed = rate;
          break;
        }
        sustained = rate;
      }
      // Climb while nothing has failed yet…
      for (
        let step = 0, next = Math.max(number('ramp-start'), Math.round(sustained * number('ramp-factor')));
        failed === undefined && step < number('ramp-steps');
        step++
      ) {
        if (await sustains(next, await run(target, 'ramp', next, number('ramp-seconds')))) sustained = next;
        else failed = next;
        next = Math.round(next * number('ramp-factor'));
      }
      // …then bisect between the highest sustained and the lowest failed rate.
      for (let step = 0; step < number('refine') && failed !== undefined && failed - sustained > Math.max(10, failed * 0.08); step++) {
        const middle = Math.round((sustained + failed) / 2);
        if (await sustains(middle, await run(target, 'ramp', middle, number('ramp-seconds')))) sustained = middle;
        else failed = middle;
      }
      ceilings.set(ceilingKey(target.system, instances), { rate: sustained, firstFailed: failed });
    }
  }

  // The next count starts on systems of its own: these go, with their connections.
  await Promise.all(pools.splice(0).map((pool) => pool.destroy().catch(() => undefined)));
  await children.stopAll();
}

/**
 * The outcome events of one mission's stream: when each registration's (confirmed or waitlisted)
 * arrived, by subject, and how many of each type. (A function, not a class: `main` runs before a
 * class declared down here would be initialised.)
 */
function outcomeArrivals() {
  const arrivals = new Map<string, number>();
  const counts = new Map<string, number>();
  const note = (message: EventSourceMessage, at: number): void => {
    let event: { type?: string; subject?: string };
    try {
      event = JSON.parse(message.data) as { type?: string; subject?: string };
    } catch {
      return;
    }
    const type = event.type ?? message.event ?? 'message';
    counts.set(type, (counts.get(type) ?? 0) + 1);
    if ((type === 'registration.confirmed' || type === 'registration.waitlisted') && event.subject && !arrivals.has(event.subject)) {
      arrivals.set(event.subject, at);
    }
  };
  return { arrivals, counts, note };
}

/** Starts and stops the profile of each process (SIGWINCH to `profile-preload`), the phase named in `DIR/phase` for the file names. */
function phaseProfiler(directory: string, label: string, pids: number[]) {
  const signal = () => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGWINCH');
      } catch (err) {
        console.error(`profile: process ${pid} (${label}) did not take the signal: ${(err as Error).message}`);
      }
    }
  };
  return {
    start: () => {
      writeFileSync(join(directory, 'phase'), label);
      signal();
    },
    stop: signal,
  };
}

function ceilingKey(system: Target['system'], instances: number): string {
  return `${system}×${instances}`;
}

function ceilingOf(system: Target['system'], instances: number): string {
  const ceiling = ceilings.get(ceilingKey(system, instances));
  if (!ceiling) return '–';
  return `${ceiling.rate}/s${ceiling.firstFailed ? ` (failed at ${ceiling.firstFailed})` : ' (did not fail)'}`;
}

function overbookingOf(phases: PhaseResult[]): string {
  const checked = phases.filter((result) => result.overbooking);
  const overbooked = checked.filter((result) => !result.overbooking!.ok);
  if (!checked.length) return '–';
  return overbooked.length ? `FAILED in ${overbooked.length} of ${checked.length} phases` : `none in ${checked.length} phases`;
}

/** mission-hub beside bare, both with `instances` of each process. */
function summaryRows(instances: number): string[][] {
  const mh = results.filter((result) => result.system === 'mission-hub' && result.instances === instances);
  const bareResults = results.filter((result) => result.system === 'bare' && result.instances === instances);
  const rows: string[][] = [['', 'mission-hub', 'bare', 'mission-hub / bare']];
  for (const fixedRate of fixedRates) {
    const a = mh.find((result) => result.kind === 'fixed' && result.rate === fixedRate);
    const b = bareResults.find((result) => result.kind === 'fixed' && result.rate === fixedRate);
    rows.push([`${fixedRate}/s  accepted/s`, a ? rate(a.acceptedPerSecond) : '–', b ? rate(b.acceptedPerSecond) : '–', '']);
    rows.push(['      HTTP p50 / p99 ms', a ? pair(a.http) : '–', b ? pair(b.http) : '–', ratio(a?.http.p99, b?.http.p99, true)]);
    rows.push([
      '      POST→dashboard p50 / p99 ms',
      a?.endToEnd[0] ? pair(a.endToEnd[0]) : '–',
      b?.endToEnd[0] ? pair(b.endToEnd[0]) : '–',
      ratio(a?.endToEnd[0]?.p99, b?.endToEnd[0]?.p99, true),
    ]);
    rows.push([
      '      POST→mail p50 / p99 ms',
      a?.endToEnd[1] ? pair(a.endToEnd[1]) : '–',
      b?.endToEnd[1] ? pair(b.endToEnd[1]) : '–',
      ratio(a?.endToEnd[1]?.p99, b?.endToEnd[1]?.p99, true),
    ]);
  }
  rows.push([
    'highest sustained rate, end to end',
    ceilingOf('mission-hub', instances),
    ceilingOf('bare', instances),
    ratio(ceilings.get(ceilingKey('mission-hub', instances))?.rate, ceilings.get(ceilingKey('bare', instances))?.rate),
  ]);
  rows.push(['overbooking', overbookingOf(mh), '–', '']);
  return rows;
}

/** Each count of instances in a column: the rates, the ceilings and the ratios to bare with as many instances. */
function instancesRows(): string[][] {
  const rows: string[][] = [['', ...instanceCounts.map((instances) => `${instances} instance${instances === 1 ? '' : 's'}`)]];
  const phase = (system: Target['system'], instances: number, fixedRate: number) =>
    results.find((result) => result.system === system && result.instances === instances && result.kind === 'fixed' && result.rate === fixedRate);
  for (const fixedRate of fixedRates) {
    rows.push([`${fixedRate}/s  mission-hub accepted/s`, ...instanceCounts.map((n) => rate(phase('mission-hub', n, fixedRate)?.acceptedPerSecond ?? NaN))]);
    rows.push([
      '      accepted/s ratio to bare',
      ...instanceCounts.map((n) => ratio(phase('mission-hub', n, fixedRate)?.acceptedPerSecond, phase('bare', n, fixedRate)?.acceptedPerSecond) || '–'),
    ]);
    rows.push([
      '      mission-hub POST→dashboard p99 ms',
      ...instanceCounts.map((n) => {
        const end = phase('mission-hub', n, fixedRate)?.endToEnd[0];
        return end ? ms(end.p99) : '–';
      }),
    ]);
    rows.push([
      '      p99 ratio to bare (dashboard)',
      ...instanceCounts.map((n) => ratio(phase('mission-hub', n, fixedRate)?.endToEnd[0]?.p99, phase('bare', n, fixedRate)?.endToEnd[0]?.p99, true) || '–'),
    ]);
  }
  rows.push(['highest sustained, mission-hub', ...instanceCounts.map((n) => ceilingOf('mission-hub', n))]);
  rows.push(['highest sustained, bare', ...instanceCounts.map((n) => ceilingOf('bare', n))]);
  rows.push([
    'mission-hub / bare',
    ...instanceCounts.map((n) => ratio(ceilings.get(ceilingKey('mission-hub', n))?.rate, ceilings.get(ceilingKey('bare', n))?.rate) || '–'),
  ]);
  rows.push([
    'overbooking',
    ...instanceCounts.map((n) => overbookingOf(results.filter((result) => result.system === 'mission-hub' && result.instances === n))),
  ]);
  return rows;
}

/**
 * The aims of issue 19, each a ratio to the bare chain in this run (docs/benchmarks.md): the highest
 * sustained rate, and at 100/s and 400/s offered the CPU, the latencies and what was accepted.
 */
function aimRows(instances: number): string[][] {
  const fixed = (system: Target['system'], at: number) =>
    results.find((result) => result.system === system && result.instances === instances && result.kind === 'fixed' && result.rate === at);
  const rows: string[][] = [
    [`aim (issue 19)${instanceCounts.length > 1 ? `, ${instances} instance${instances === 1 ? '' : 's'}` : ''}`, 'mission-hub', 'bare', 'ratio', 'met'],
  ];
  const aim = (label: string, a: number | undefined, b: number | undefined, holds: (ratio: number) => boolean, unit = '', digits = 0) => {
    if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return rows.push([label, '–', '–', '', '–']);
    rows.push([label, `${a.toFixed(digits)}${unit}`, `${b.toFixed(digits)}${unit}`, (a / b).toFixed(2), yes(holds(a / b))]);
  };
  const ceiling = (system: Target['system']) => ceilings.get(ceilingKey(system, instances))?.rate;
  aim('highest sustained rate, end to end: ≥ 0.9 of bare', ceiling('mission-hub'), ceiling('bare'), (r) => r >= 0.9, '/s');
  const [low, high] = [fixed('mission-hub', 100), fixed('bare', 100)];
  aim('100/s: CPU per registration, all processes: ≤ 1.3×', low && cpuPerRegistration(low), high && cpuPerRegistration(high), (r) => r <= 1.3, ' ms', 2);
  aim('100/s: HTTP p50: ≤ 3×', low?.http.p50, high?.http.p50, (r) => r <= 3, ' ms', 1);
  aim('100/s: POST→dashboard p99: ≤ 1.5×', low?.endToEnd[0]?.p99, high?.endToEnd[0]?.p99, (r) => r <= 1.5, ' ms');
  aim('100/s: POST→mail p99: ≤ 1.5×', low?.endToEnd[1]?.p99, high?.endToEnd[1]?.p99, (r) => r <= 1.5, ' ms');
  const [busy, bareBusy] = [fixed('mission-hub', 400), fixed('bare', 400)];
  aim('400/s: accepted: ≥ bare', busy?.acceptedPerSecond, bareBusy?.acceptedPerSecond, (r) => r >= 1, '/s');
  aim('400/s: POST→dashboard p99: ≤ 1.5×', busy?.endToEnd[0]?.p99, bareBusy?.endToEnd[0]?.p99, (r) => r <= 1.5, ' ms');
  const mh = results.filter((result) => result.system === 'mission-hub' && result.instances === instances);
  const checked = mh.filter((result) => result.overbooking);
  const overbooked = checked.filter((result) => !result.overbooking!.ok);
  rows.push([
    'no overbooking in any phase',
    checked.length ? `${checked.length - overbooked.length}/${checked.length} phases exact` : '–',
    '',
    '',
    yes(overbooked.length === 0),
  ]);
  return rows;
}

/**
 * CPU ms per accepted registration while the phase sent: the system's own processes, its Postgres
 * backends and the shared Postgres processes, and RabbitMQ; not the bench (load generator, stream
 * reader, SMTP sink) nor the rest of the machine.
 */
function cpuPerRegistration(result: PhaseResult): number {
  const cores = Object.entries(result.cpu.groups)
    .filter(([group]) => group !== 'bench' && group !== 'other')
    .reduce((sum, [, value]) => sum + value, 0);
  return (cores * 1000) / Math.max(1, result.acceptedPerSecond);
}

function ratio(a: number | undefined, b: number | undefined, latency = false): string {
  if (!a || !b || !Number.isFinite(a) || !Number.isFinite(b)) return '';
  return latency ? `${(a / b).toFixed(1)}× slower` : (a / b).toFixed(2);
}

function yes(value: boolean): string {
  return value ? 'yes' : 'NO';
}
