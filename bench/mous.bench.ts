/**
 * `npm run bench:mou`: the public register's search over 100,000 MoUs, through the real HTTP
 * service, p50/p99 per typical query. See docs/benchmarks.md.
 */
import { ensureDatabase, signOrganiserToken } from '#common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { createVhost, deleteVhost, rabbitmqUrlFor } from '../test/support/isolation.js';
import { BenchLock } from './harness/bench-lock.js';
import { Children, freePort, waitReady } from './harness/processes.js';
import { countries, missions, seedMous, themes, words } from './harness/mou-seed.js';
import { distribution, ms, table, type Distribution } from './harness/stats.js';

const HELP = `npm run bench:mou -- [options]

Brings up its own MoU registry (schema mou_registry_bench in the database mission_hub_bench, vhost
mission-hub-bench-mou, the built service as a child process), seeds it with MoUs in one INSERT … SELECT
over generate_series, and runs typical register queries over HTTP. Build first: npm run build.

  --mous 100000          how many MoUs to seed                       (default 100000)
  --requests 300         requests per query                          (default 300)
  --concurrency 4        requests in flight at once                  (default 4)
  --database-url URL     (default postgres://postgres@127.0.0.1:5432/mission_hub_bench)
  --rabbitmq-url URL     base URL; the run's vhost is added (default amqp://guest:guest@127.0.0.1:5672)
  --keep                 leave the schema and the vhost in place at the end
`;

const { values: flag } = parseArgs({
  options: {
    mous: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '4' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/mission_hub_bench' },
    'rabbitmq-url': { type: 'string', default: 'amqp://guest:guest@127.0.0.1:5672' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flag.help) {
  console.log(HELP);
  process.exit(0);
}

const databaseUrl = String(flag['database-url']);
const schema = 'mou_registry_bench';
const vhost = 'mission-hub-bench-mou';
const jwtSecret = randomBytes(24).toString('hex');
const logDir = mkdtempSync(join(tmpdir(), 'mission-hub-bench-mou-'));
const lock = new BenchLock();
const children = new Children(logDir);
let pool: Pool | undefined;

async function cleanUp(): Promise<void> {
  await pool?.destroy().catch(() => undefined);
  await children.stopAll();
  if (!flag.keep) {
    await deleteVhost(vhost).catch((error: Error) => console.error(`vhost ${vhost} not deleted: ${error.message}`));
    await lock.dropSchemas([schema]).catch(() => undefined);
  }
  await lock.release();
}

try {
  await main();
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nservice log: ${logDir}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function main(): Promise<void> {
  const count = Number(flag.mous);
  console.log(
    `mission-hub MoU register benchmark · ${new Date().toISOString()}\n` +
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}, node ${process.version}; log in ${logDir}\n`,
  );
  await ensureDatabase(databaseUrl);
  await lock.acquire(databaseUrl);
  await lock.dropSchemas([schema]);
  await createVhost(vhost, { replace: true });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = children.spawn('mou-registry', 'dist/apps/mou-registry/src/main.js', {
    NODE_ENV: 'production',
    // One load generator is one client address: the limits would measure themselves.
    RATE_LIMITS: 'off',
    PARTICIPANT_TOKEN_SECRET: randomBytes(24).toString('hex'),
    PARTICIPANT_LINK_SECRET: randomBytes(24).toString('hex'),
    DATABASE_URL: databaseUrl,
    DB_SCHEMA: schema,
    RABBITMQ_URL: rabbitmqUrlFor(vhost, String(flag['rabbitmq-url'])),
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: 'warn',
    PORT: String(port),
  });
  await waitReady(`${url}/health/ready`, child, 60_000, 'mou-registry');

  const seeding = Date.now();
  await lock.query(`SET search_path = ${schema}`);
  await seedMous((sql, values) => lock.query(sql, values), count);
  console.log(`seeded ${count} MoUs in ${((Date.now() - seeding) / 1000).toFixed(1)} s (one INSERT … SELECT, then VACUUM ANALYZE)\n`);

  pool = new Pool(url, { connections: Number(flag.concurrency) });
  const organiser = signOrganiserToken(jwtSecret, { sub: 'bench', role: 'organiser', missions: ['*'] });
  const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;
  const queries: { name: string; path: (n: number) => string; token?: string }[] = [
    { name: 'first page, no filter', path: () => '/api/mous' },
    { name: 'status', path: (n) => `/api/mous?status=${pick(['in_force', 'signed', 'completed', 'draft'], n)}` },
    { name: 'theme', path: (n) => `/api/mous?theme=${encodeURIComponent(pick(themes, n))}` },
    { name: 'country', path: (n) => `/api/mous?country=${pick(countries, n)}` },
    { name: 'party', path: (n) => `/api/mous?party=${encodeURIComponent(`Organisation ${n % 400}`)}` },
    { name: 'mission', path: (n) => `/api/mous?mission=${pick(missions, n)}` },
    { name: 'signing year', path: (n) => `/api/mous?year=${2010 + (n % 17)}` },
    { name: 'q, a frequent word', path: (n) => `/api/mous?q=${pick(['cooperation', 'agreement', 'pilot'], n)}` },
    { name: 'q, a rare word', path: (n) => `/api/mous?q=${pick(words, n * 7 + 100)}` },
    { name: 'q, two words', path: (n) => `/api/mous?q=${encodeURIComponent(`${pick(words, n)} ${pick(words, n + 1)}`)}` },
    { name: 'country + theme + status', path: (n) => `/api/mous?country=${pick(countries, n)}&theme=${encodeURIComponent(pick(themes, n))}&status=in_force` },
    { name: 'q + country + year', path: (n) => `/api/mous?q=cooperation&country=${pick(countries, n)}&year=${2010 + (n % 17)}` },
    { name: 'organisers, organisers-only', path: (n) => `/api/mous?visibility=organisers&status=${pick(['draft', 'negotiating'], n)}`, token: organiser },
    { name: 'page 5 (cursor), limit 50', path: () => '/api/mous?limit=50', token: undefined },
  ];

  const rows = [['query', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'live p50', 'live p99', 'p50 ×', 'p99 ×', 'rows/page']];
  for (const query of queries) {
    const deep = query.name.startsWith('page 5');
    // A short warm-up, as a running service would be.
    for (let n = 0; n < 10; n++) await get(query.path(n), query.token);
    const timings: number[] = [];
    // The baseline, under the same load: after each timed request, one that does no query at all
    // (GET /health/live: HTTP, routing, logging, the machine's load and nothing else).
    const live: number[] = [];
    let items = 0;
    let next = 0;
    const requests = Number(flag.requests);
    await Promise.all(
      Array.from({ length: Number(flag.concurrency) }, async () => {
        for (let n = next++; n < requests; n = next++) {
          let path = query.path(n);
          if (deep) {
            // Four pages to get to the fifth; only the fifth is timed.
            let cursor: string | null = null;
            for (let page = 0; page < 4; page++) cursor = (await get(`${path}${cursor ? `&cursor=${cursor}` : ''}`)).body.nextCursor;
            path = `${path}&cursor=${cursor}`;
          }
          let started = performance.now();
          const answer = await get(path, query.token);
          timings.push(performance.now() - started);
          items += answer.body.items.length;
          started = performance.now();
          await get('/health/live');
          live.push(performance.now() - started);
        }
      }),
    );
    const d: Distribution = distribution(timings);
    const base: Distribution = distribution(live);
    const times = (value: number, of: number) => `${(value / of).toFixed(1)}×`;
    rows.push([
      query.name,
      String(d.count),
      ms(d.p50),
      ms(d.p99),
      ms(d.max),
      ms(base.p50),
      ms(base.p99),
      times(d.p50, base.p50),
      times(d.p99, base.p99),
      (items / d.count).toFixed(1),
    ]);
    console.log(`  ${query.name}: p50 ${ms(d.p50)} ms, p99 ${ms(d.p99)} ms (GET /health/live meanwhile: ${ms(base.p50)} / ${ms(base.p99)} ms)`);
  }
  console.log(`\n${table(rows)}\n\nlive: GET /health/live, sent after each timed request, under the same load; × is the query's p50 and p99 over live's.`);
}

async function get(path: string, token?: string): Promise<{ body: { items: unknown[]; nextCursor: string | null } }> {
  const response = await pool!.request({ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${text}`);
  return { body: JSON.parse(text) };
}
