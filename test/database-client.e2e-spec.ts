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
  // Prepared on this connection: the next BEGIN can go with either.
  await client.query(statement, [0]);
  await transactionOf(0);
});

afterAll(async () => {
  await client?.end();
});

/** The id of the transaction a statement runs in (one is assigned if it had none): equal only inside one transaction. */
async function transactionOf(n: number): Promise<string> {
  const { rows } = await client.query('SELECT $1::int AS n, txid_current()::text AS xid', [n]);
  return (rows[0] as { xid: string }).xid;
}

it('runs the statements after START TRANSACTION in one transaction, also when its BEGIN went with the first', async () => {
  await client.query('START TRANSACTION', undefined);
  const first = await transactionOf(1);
  const second = await transactionOf(2);
  await client.query('COMMIT', undefined);

  expect(second).toBe(first);
  expect(await transactionOf(3)).not.toBe(first);
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
  const before = await transactionOf(5);
  expect(await transactionOf(6)).not.toBe(before);
});
