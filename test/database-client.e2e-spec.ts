/**
 * The services' pg client (PreparingClient) against the real Postgres: statements with parameters
 * prepared once per connection, a transaction's BEGIN sent with its first statement, statements
 * sent ahead with the next one (or the COMMIT), and work to do once a transaction has committed.
 */
import { PreparingClient, StatementNotRunError } from '#common';
import pg from 'pg';
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
  await client.query('CREATE TEMP TABLE kept (n int PRIMARY KEY)', undefined);
  client.connection.on('readyForQuery', () => roundTrips++);
});

/** Each round trip ends with one ReadyForQuery from Postgres. */
let roundTrips = 0;
const keep = 'INSERT INTO kept (n) VALUES ($1)';
const countKept = 'SELECT count(*)::int AS kept FROM kept WHERE n >= $1';

/** Round trips taken by `work`. */
async function roundTripsOf(work: () => Promise<unknown>): Promise<number> {
  const before = roundTrips;
  await work();
  return roundTrips - before;
}

async function keptFrom(n: number): Promise<number> {
  const { rows } = await client.query(countKept, [n]);
  return (rows[0] as { kept: number }).kept;
}

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

describe('statements sent ahead', () => {
  beforeAll(async () => {
    // Prepared on this connection, as a service's are after their first use.
    await client.query(keep, [-1]);
    await keptFrom(0);
  });

  it('go with the next statement, which sees what they wrote, in one round trip with the BEGIN', async () => {
    await client.query('START TRANSACTION', undefined);
    const ahead = [client.sendAhead(keep, [100]), client.sendAhead(keep, [101])];
    expect(await roundTripsOf(async () => expect(await keptFrom(100)).toBe(2))).toBe(1);
    await expect(ahead[0]!.sent).resolves.toMatchObject({ command: 'INSERT', rowCount: 1 });
    await client.query('ROLLBACK', undefined);

    expect(await keptFrom(100)).toBe(0);
  });

  it('go with the COMMIT when nothing comes after them: stored, in one round trip', async () => {
    const rounds = await roundTripsOf(async () => {
      await client.query('START TRANSACTION', undefined);
      client.sendAhead(keep, [200]);
      await expect(client.query('COMMIT', undefined)).resolves.toMatchObject({ command: 'COMMIT' });
    });

    expect(rounds).toBe(1);
    expect(await keptFrom(200)).toBe(1);
  });

  it('fail the statement they went with when one of them fails, and what came after it never runs', async () => {
    await client.query(keep, [300]);
    await client.query('START TRANSACTION', undefined);
    const before = client.sendAhead(keep, [301]);
    const failing = client.sendAhead(keep, [300]);
    const after = client.sendAhead(keep, [302]);
    await expect(client.query(countKept, [300])).rejects.toMatchObject({ code: '23505', constraint: 'kept_pkey' });
    await client.query('ROLLBACK', undefined);

    await expect(failing.sent).rejects.toMatchObject({ code: '23505' });
    // It ran, and is undone with the rollback: not a failure of its own, nor a statement never run.
    await expect(before.sent).rejects.toThrow(/a later statement of its round trip failed/);
    await expect(after.sent).rejects.toBeInstanceOf(StatementNotRunError);
    expect(await keptFrom(301)).toBe(0);
  });

  it('are never sent once withdrawn, nor when the transaction rolls back before they go', async () => {
    await client.query('START TRANSACTION', undefined);
    const withdrawn = client.sendAhead(keep, [400]);
    expect(withdrawn.withdraw('changed our mind')).toBe(true);
    client.sendAhead(keep, [401]);
    expect(await roundTripsOf(() => client.query('ROLLBACK', undefined))).toBe(0);

    await expect(withdrawn.sent).rejects.toBeInstanceOf(StatementNotRunError);
    expect(await keptFrom(400)).toBe(0);
  });

  it('go one after the other, with the same results, when one is not prepared on the connection yet', async () => {
    const firstUse = 'INSERT INTO kept (n) SELECT $1::int + 1';
    await client.query('START TRANSACTION', undefined);
    const ahead = client.sendAhead(firstUse, [500]);
    expect(await roundTripsOf(async () => expect(await keptFrom(500)).toBe(1))).toBe(3);
    await client.query('COMMIT', undefined);

    await expect(ahead.sent).resolves.toMatchObject({ rowCount: 1 });
    expect(await keptFrom(501)).toBe(1);
  });

  it('are settled, not left waiting, when the connection dies before they go', async () => {
    const doomed = new PreparingClient({ connectionString: TEST_DATABASE_URL });
    await doomed.connect();
    doomed.on('error', () => undefined);
    const { rows } = await doomed.query('SELECT pg_backend_pid() AS pid', undefined);
    await doomed.query('START TRANSACTION', undefined);
    // Not prepared on this connection: the BEGIN and the statements go one after the other.
    const ahead = [doomed.sendAhead(keep, [600]), doomed.sendAhead(keep, [601])];
    await client.query('SELECT pg_terminate_backend($1::int)', [(rows[0] as { pid: number }).pid]);

    await expect(doomed.query(countKept, [600])).rejects.toThrow();
    await expect(ahead[0]!.sent).rejects.toThrow();
    await expect(ahead[1]!.sent).rejects.toBeInstanceOf(StatementNotRunError);
    await doomed.end().catch(() => undefined);
  });
});

it('gives up what waits to go ahead when rolling back to a savepoint, instead of running it first', async () => {
  await client.query('START TRANSACTION', undefined);
  await client.query(keep, [700]);
  await client.query('SAVEPOINT before_more', undefined);
  const undone = client.sendAhead(keep, [701]);
  expect(await roundTripsOf(() => client.query('ROLLBACK TO SAVEPOINT before_more', undefined))).toBe(1);
  await client.query('COMMIT', undefined);

  await expect(undone.sent).rejects.toBeInstanceOf(StatementNotRunError);
  expect(await keptFrom(700)).toBe(1);
});

it('refuses a value it cannot send when it is sent ahead, and the transaction goes on', async () => {
  const before = await keptFrom(0);
  await client.query('START TRANSACTION', undefined);
  try {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => client.sendAhead('SELECT $1::jsonb', [circular])).toThrow();
    await client.query(keep, [1200]);
    expect(await keptFrom(0)).toBe(before + 1);
  } finally {
    await client.query('ROLLBACK', undefined);
  }
});

describe('work after commit', () => {
  it('runs once the COMMIT has been answered, when another connection sees what was committed', async () => {
    const table = `after_commit_${process.pid}_${Date.now()}`;
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await other.connect();
    try {
      await client.query(`CREATE TABLE ${table} (n int)`, undefined);
      let seenByOther: Promise<number> | undefined;
      await client.query('START TRANSACTION', undefined);
      client.sendAhead(`INSERT INTO ${table} (n) VALUES ($1)`, [800]);
      client.afterCommit(() => {
        seenByOther = other.query(`SELECT count(*)::int AS n FROM ${table}`).then(({ rows }) => (rows[0] as { n: number }).n);
      });
      await client.query(`SELECT $1::int`, [0]);
      expect(seenByOther).toBeUndefined();
      await client.query('COMMIT', undefined);

      expect(seenByOther).toBeDefined();
      await expect(seenByOther).resolves.toBe(1);
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${table}`, undefined);
      await other.end();
    }
  });

  it('never runs when the transaction rolls back, nor in the next transaction', async () => {
    const called: string[] = [];
    await client.query('START TRANSACTION', undefined);
    await client.query(keep, [900]);
    client.afterCommit(() => called.push('rolled back'));
    await client.query('ROLLBACK', undefined);
    await client.query('START TRANSACTION', undefined);
    await client.query(keep, [901]);
    await client.query('COMMIT', undefined);

    expect(called).toEqual([]);
  });

  it('never runs when Postgres answers the COMMIT of a failed transaction with ROLLBACK', async () => {
    const called: string[] = [];
    await client.query(keep, [1000]);
    await client.query('START TRANSACTION', undefined);
    client.afterCommit(() => called.push('failed'));
    await expect(client.query(keep, [1000])).rejects.toMatchObject({ code: '23505' });
    await expect(client.query('COMMIT', undefined)).resolves.toMatchObject({ command: 'ROLLBACK' });

    expect(called).toEqual([]);
  });

  it('answers the COMMIT as committed even when a callback throws', async () => {
    const called: string[] = [];
    await client.query('START TRANSACTION', undefined);
    await client.query(keep, [1100]);
    client.afterCommit(() => {
      throw new Error('a callback that fails');
    });
    client.afterCommit(() => called.push('the next one'));

    await expect(client.query('COMMIT', undefined)).resolves.toMatchObject({ command: 'COMMIT' });
    expect(called).toEqual(['the next one']);
    expect(await keptFrom(1100)).toBe(1);
  });
});
