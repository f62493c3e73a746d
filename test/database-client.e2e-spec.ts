/**
 * The services' pg client (PreparingClient) against the real Postgres: statements with parameters
 * prepared once per connection, and a transaction's BEGIN sent with its first statement.
 */
import { PreparingClient } from '#common';
import { TEST_DATABASE_URL, ensureTestDatabase } from './support/isolation.js';

const statement = 'SELECT $1::int AS n, now() AS started, pg_current_xact_id_if_assigned() IS NOT NULL AS writing';
let client: PreparingClient;

beforeAll(async () => {
  await ensureTestDatabase();
  client = new PreparingClient({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  // Prepared on this connection: the next BEGIN can go with it.
  await client.query(statement, [0]);
});

afterAll(async () => {
  await client?.end();
});

async function startedAt(n: number): Promise<number> {
  const { rows } = await client.query(statement, [n]);
  return (rows[0] as { started: Date }).started.getTime();
}

it('runs the statements after START TRANSACTION in one transaction, also when its BEGIN went with the first', async () => {
  await client.query('START TRANSACTION', undefined);
  const first = await startedAt(1);
  await new Promise((resolve) => setTimeout(resolve, 30));
  const second = await startedAt(2);
  await client.query('COMMIT', undefined);

  // now() is the transaction's start time: equal only inside one transaction.
  expect(second).toBe(first);
  const after = await startedAt(3);
  expect(after).toBeGreaterThan(first);
});

it('fails the first statement of a transaction as Postgres fails it, and rolls back', async () => {
  await client.query('START TRANSACTION', undefined);
  await expect(client.query('SELECT 1 / $1::int', [0])).rejects.toThrow(/division by zero/);
  await client.query('ROLLBACK', undefined);

  const { rows } = await client.query(statement, [4]);
  expect(rows[0]).toMatchObject({ n: 4, writing: false });
});

it('answers a transaction that ends before any statement without asking Postgres', async () => {
  await client.query('START TRANSACTION', undefined);
  await expect(client.query('COMMIT', undefined)).resolves.toMatchObject({ command: 'COMMIT' });
  // The next statement runs outside any transaction.
  const before = await startedAt(5);
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(await startedAt(6)).toBeGreaterThan(before);
});
