/**
 * `npm run bench:mou`: the public register's search over 100,000 MoUs, through the real HTTP
 * service, p50/p99 per typical query. See docs/benchmarks.md.
 */
import { signOrganiserToken } from '#common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { BenchLock, createVhost, deleteVhost, ensureDatabase, withVhost } from './harness/isolation.js';
import { Children, freePort, waitReady } from './harness/processes.js';
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

const themes = ['smart city', 'energy', 'e-mobility', 'manufacturing', 'vocational education', 'water', 'health', 'culture', 'tourism', 'logistics'];
const countries = ['ES', 'IT', 'DE', 'CN', 'FR', 'PT', 'NL', 'PL', 'AT', 'BE', 'SE', 'FI', 'DK', 'CZ', 'HU', 'GR', 'IE', 'RO', 'BG', 'HR'];
const kinds = ['city', 'government_body', 'business', 'research', 'education', 'ngo'];
/** Title words: a few frequent, most rare, as in real titles. */
const words = Array.from({ length: 2000 }, (_, n) => `w${n.toString(36)}`);
const missions = Array.from({ length: 50 }, (_, n) => `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`);

async function cleanUp(): Promise<void> {
  await pool?.destroy().catch(() => undefined);
  await children.stopAll();
  if (!flag.keep) {
    await deleteVhost(vhost);
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
  await createVhost(vhost);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = children.spawn('mou-registry', 'dist/apps/mou-registry/src/main.js', {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DB_SCHEMA: schema,
    RABBITMQ_URL: withVhost(String(flag['rabbitmq-url']), vhost),
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: 'warn',
    PORT: String(port),
  });
  await waitReady(`${url}/health/ready`, child, 60_000, 'mou-registry');

  const seeding = Date.now();
  await seed(count);
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

  const rows = [['query', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'rows/page']];
  for (const query of queries) {
    const deep = query.name.startsWith('page 5');
    // A short warm-up, as a running service would be.
    for (let n = 0; n < 10; n++) await get(query.path(n), query.token);
    const timings: number[] = [];
    let items = 0;
    let next = 0;
    const requests = Number(flag.requests);
    await Promise.all(
      Array.from({ length: Number(flag.concurrency) }, async () => {
        for (let n = next++; n < requests; n = next++) {
          if (deep) {
            // Four pages to get to the fifth; only the fifth is timed.
            let cursor: string | null = null;
            for (let page = 0; page < 4; page++) cursor = (await get(`${query.path(n)}${cursor ? `&cursor=${cursor}` : ''}`)).body.nextCursor;
            const started = performance.now();
            const fifth = await get(`${query.path(n)}&cursor=${cursor}`);
            timings.push(performance.now() - started);
            items += fifth.body.items.length;
          } else {
            const started = performance.now();
            const answer = await get(query.path(n), query.token);
            timings.push(performance.now() - started);
            items += answer.body.items.length;
          }
        }
      }),
    );
    const d: Distribution = distribution(timings);
    rows.push([query.name, String(d.count), ms(d.p50), ms(d.p99), ms(d.max), (items / d.count).toFixed(1)]);
    console.log(`  ${query.name}: p50 ${ms(d.p50)} ms, p99 ${ms(d.p99)} ms`);
  }
  console.log(`\n${table(rows)}`);
}

async function get(path: string, token?: string): Promise<{ body: { items: unknown[]; nextCursor: string | null } }> {
  const response = await pool!.request({ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${text}`);
  return { body: JSON.parse(text) };
}

/** 100,000 MoUs of varied status, visibility, themes, parties, missions, years and words, in one statement. */
async function seed(count: number): Promise<void> {
  await lock.query(`SET search_path = ${schema}`);
  await lock.query(`SELECT setseed(0.42)`);
  await lock.query(
    `INSERT INTO mous (id, reference, mission_id, title, summaries, themes, parties, party_names, party_countries, signed_on, signed_place,
       entry_into_force_on, expires_on, visibility, status, created_by, created_at, updated_at)
     SELECT gen_random_uuid(),
       'MOU-' || year || '-' || lpad(nth::text, greatest(4, length(nth::text)), '0'),
       CASE WHEN r_mission < 0.7 THEN ($1::uuid[])[1 + (g % 50)] END,
       initcap(($2::text[])[1 + (g % 3)]) || ' on ' || ($3::text[])[1 + (g % 10)] || ' between ' || p1 || ' and ' || p2 || ' ' ||
         ($4::text[])[1 + floor(r_word1 * 2000)::int] || ' ' || ($4::text[])[1 + floor(r_word2 * 2000)::int],
       jsonb_build_object('en', 'A ' || ($2::text[])[1 + (g % 3)] || ' on ' || ($3::text[])[1 + (g % 10)] || ' with pilot projects ' ||
         ($4::text[])[1 + floor(r_word3 * 2000)::int], 'es', 'Cooperación en ' || ($3::text[])[1 + (g % 10)]),
       ARRAY[($3::text[])[1 + t1], ($3::text[])[1 + (t1 + 1 + t2) % 10]],
       jsonb_build_array(jsonb_build_object('name', p1, 'kind', ($6::text[])[1 + (i1 % 6)], 'country', c1),
                         jsonb_build_object('name', p2, 'kind', ($6::text[])[1 + (i2 % 6)], 'country', c2)),
       ARRAY[lower(p1), lower(p2)], ARRAY[c1, c2],
       signed_on, CASE WHEN signed_on IS NOT NULL THEN 'Chengdu' END,
       signed_on + 30, signed_on + 1825,
       CASE WHEN r_visibility < 0.8 THEN 'public' ELSE 'organisers' END,
       status, 'bench', now(), now()
     FROM (
       SELECT g, status, r_mission, r_word1, r_word2, r_word3, r_visibility, i1, i2, t1, t2,
         'Organisation ' || i1 AS p1, 'Organisation ' || i2 AS p2, ($5::text[])[1 + (i1 % 20)] AS c1, ($5::text[])[1 + (i2 % 20)] AS c2,
         signed_on, coalesce(extract(year FROM signed_on)::int, 2020 + (g % 7)) AS year,
         row_number() OVER (PARTITION BY coalesce(extract(year FROM signed_on)::int, 2020 + (g % 7)) ORDER BY g) AS nth
       FROM (
         SELECT g, random() AS r_mission, random() AS r_word1, random() AS r_word2, random() AS r_word3, random() AS r_visibility,
           floor(random() * 400)::int AS i1, 400 + floor(random() * 400)::int AS i2,
           floor(random() * 10)::int AS t1, floor(random() * 9)::int AS t2, status,
           CASE WHEN status NOT IN ('draft', 'negotiating') THEN date '2010-01-01' + floor(random() * 6200)::int END AS signed_on
         FROM generate_series(1, $7::int) AS g,
           LATERAL (SELECT (ARRAY['draft', 'negotiating', 'signed', 'in_force', 'in_force', 'in_force', 'completed', 'terminated', 'expired', 'in_force'])
             [1 + floor(random() * 10 + g * 0)::int] AS status) AS drawn
       ) raw
     ) s`,
    [missions, ['cooperation', 'agreement', 'memorandum'], themes, words, countries, kinds, count],
  );
  await lock.query(
    `INSERT INTO mou_reference_counters (year, last)
     SELECT split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int) FROM mous GROUP BY 1`,
  );
  // As autovacuum would have by then: the GIN indexes' pending lists merged, the statistics fresh.
  await lock.query(`VACUUM ANALYZE mous`);
}
