import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createVhost, deleteVhost, dropSchemas, newRunId, queuesIn, rabbitmqUrlFor, TEST_DATABASE_URL, withDatabase } from './support/isolation.js';

const run = promisify(execFile);

/** The deploy's one-off step (`npm run migrate`, dist/scripts/migrate.js), on a schema and a vhost of the test's own. */
describe('the migrate-and-declare command', () => {
  const runId = newRunId();
  const vhost = `mission-hub-${runId}`;
  const schema = `registration_${runId}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    DB_SCHEMA: schema,
    RABBITMQ_URL: rabbitmqUrlFor(vhost),
    EVENTS_EXCHANGE: 'mission-hub.events',
  };
  const migrate = (args: string[], overrides: Record<string, string> = {}) =>
    run(process.execPath, ['dist/scripts/migrate.js', ...args], { env: { ...env, ...overrides }, timeout: 90_000 });

  beforeAll(() => createVhost(vhost), 30_000);
  afterAll(async () => {
    await Promise.allSettled([deleteVhost(vhost), dropSchemas([schema])]);
  }, 30_000);

  it("migrates one service's schema, declares every queue, and finds nothing to do the second time", async () => {
    const first = await migrate(['--service', 'registration']);
    expect(first.stdout).toMatch(/^registration: ran .*CreateOutbox/m);
    expect(first.stdout).toMatch(/topology declared on mission-hub\.events/);
    const tables = await withDatabase(
      async (client) => (await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema])).rows,
    );
    expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(['outbox', 'inbox', 'registrations', 'migrations']));
    expect(await queuesIn(vhost)).toEqual(expect.arrayContaining(['mission-hub.registration', 'mission-hub.notifications', 'mission-hub.dashboard']));

    const second = await migrate(['--service', 'registration']);
    expect(second.stdout).toMatch(/^registration: up to date$/m);
  }, 120_000);

  it('exits non-zero and says which step failed', async () => {
    await expect(migrate(['--service', 'registration'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/mission_hub_test' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^migrate: registration: migrations failed: .*ECONNREFUSED/m),
    });
    await expect(migrate(['--service', 'nowhere'])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/unknown service nowhere/) });
    await expect(migrate(['--service', 'registration'], { RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:1' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^migrate: the broker's topology was not declared: .*ECONNREFUSED/m),
    });
  }, 120_000);
});
