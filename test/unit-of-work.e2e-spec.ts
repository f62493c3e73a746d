/**
 * The unit of work against the real Postgres, on the services' own client: statements deferred to
 * the next one or the COMMIT, a deferred failure blamed on the code that deferred it, chained
 * statements, and callbacks after the commit.
 */
import {
  chain,
  DeferredStatementError,
  erasureLock,
  upsertIfNewer,
  isUniqueViolation,
  PreparingClient,
  sql,
  StatementNotRunError,
  Transactions,
  UnitOfWork,
} from '#common';
import { DataSource } from 'typeorm';
import { dropSchemas, ensureTestDatabase, newRunId, TEST_DATABASE_URL, withDatabase } from './support/isolation.js';

const schema = `uow_${newRunId()}`;
let dataSource: DataSource;
let transactions: Transactions;
/** Round trips of the data source's connections: each ends with one ReadyForQuery. */
let roundTrips = 0;

beforeAll(async () => {
  await ensureTestDatabase();
  await withDatabase((client) => client.query(`CREATE SCHEMA ${schema}`));
  dataSource = await new DataSource({
    type: 'postgres',
    url: TEST_DATABASE_URL,
    schema,
    extra: { options: `-c search_path=${schema}`, Client: PreparingClient, max: 1 },
  }).initialize();
  transactions = new Transactions(dataSource);
  await transactions.outside.query(sql('CREATE TABLE kept (n int PRIMARY KEY, note text)'));
  const client = await (dataSource.driver as unknown as { master: import('pg').Pool }).master.connect();
  (client as unknown as PreparingClient).connection.on('readyForQuery', () => roundTrips++);
  client.release();
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropSchemas([schema]);
});

const keep = (n: number, note = 'kept') => sql('INSERT INTO kept (n, note) VALUES ($1, $2)', [n, note]);
const kept = async (from: number) =>
  (await transactions.outside.query<{ n: number }>(sql('SELECT n FROM kept WHERE n >= $1 ORDER BY n', [from]))).map(({ n }) => n);

it('sends a deferred statement with the next one, in its round trip, and commits both', async () => {
  await transactions.run((unit) => unit.query(keep(1))); // prepares the insert on the connection
  const before = roundTrips;
  await transactions.run(async (unit) => {
    unit.defer(keep(2), 'the second row');
    await unit.query(keep(3));
  });
  // BEGIN, the deferred insert and the insert: one round trip; the COMMIT: another.
  expect(roundTrips - before).toBe(2);
  expect(await kept(1)).toEqual([1, 2, 3]);
});

it('blames a deferred statement that fails on the code that deferred it, at the statement it went with', async () => {
  await transactions.run((unit) => unit.query(keep(10)));
  let thrown: unknown;
  await transactions
    .run(async (unit) => {
      unit.defer(keep(10, 'again'), 'the copy of row 10');
      await unit.query(keep(11));
    })
    .catch((error: unknown) => (thrown = error));

  expect(thrown).toBeInstanceOf(DeferredStatementError);
  const error = thrown as DeferredStatementError;
  expect(error.deferredBy).toBe('the copy of row 10');
  expect(error.message).toContain('duplicate key');
  // Read like pg's own error by the checks services make.
  expect(isUniqueViolation(error, 'kept_pkey')).toBe(true);
  // Its stack is that of the `defer` call in this file.
  expect(error.stack).toContain('unit-of-work.e2e-spec.ts');
  expect(await kept(10)).toEqual([10]);
});

it('blames a deferred statement that fails at the COMMIT it went with', async () => {
  let thrown: unknown;
  await transactions
    .run(async (unit) => {
      unit.defer(keep(20), 'row 20');
      unit.defer(keep(20, 'twice'), 'row 20 again');
    })
    .catch((error: unknown) => (thrown = error));
  expect((thrown as DeferredStatementError).deferredBy).toBe('row 20 again');
  expect(await kept(20)).toEqual([]);
});

it('withdraws what is deferred when the work fails before any statement, and tells its waiter it never ran', async () => {
  let deferred: ReturnType<UnitOfWork['defer']> | undefined;
  await expect(
    transactions.run(async (unit) => {
      deferred = unit.defer(keep(30), 'row 30');
      throw new Error('the work failed');
    }),
  ).rejects.toThrow('the work failed');
  await expect(deferred!.result).rejects.toBeInstanceOf(StatementNotRunError);
  expect(await kept(30)).toEqual([]);
});

it('chains two statements into one, the second reading what the first returned', async () => {
  const rows = await transactions.run((unit) =>
    unit.query<{ n: number }>(chain(sql('INSERT INTO kept (n, note) VALUES ($1, $2) RETURNING n', [40, 'first']), sql('SELECT n + $1 AS n FROM changed', [1]))),
  );
  expect(rows).toEqual([{ n: 41 }]);
  expect(await kept(40)).toEqual([40]);
});

it('answers the rows a write returned and how many it changed', async () => {
  await transactions.run((unit) => unit.query(keep(50)));
  const { rows, count } = await transactions.outside.execute<{ n: number }>(sql(`UPDATE kept SET note = 'changed' WHERE n >= $1 RETURNING n`, [50]));
  expect(rows).toEqual([{ n: 50 }]);
  expect(count).toBe(1);
});

it('runs callbacks after a commit, never after a rollback', async () => {
  const called: string[] = [];
  await transactions.run(async (unit) => {
    unit.afterCommit(() => called.push('committed'));
    await unit.query(keep(60));
  });
  await transactions
    .run(async (unit) => {
      unit.afterCommit(() => called.push('rolled back'));
      await unit.query(keep(60));
    })
    .catch(() => undefined);
  expect(called).toEqual(['committed']);
});

describe('read models', () => {
  beforeAll(() => transactions.outside.query(sql('CREATE TABLE copies (id int PRIMARY KEY, title text NOT NULL, as_of timestamptz NOT NULL)')));
  const copy = (title: string, asOf: string) => upsertIfNewer({ table: 'copies', key: ['id'], values: { id: 1, title, as_of: asOf } });
  const title = async () => (await transactions.outside.query<{ title: string }>(sql('SELECT title FROM copies WHERE id = 1')))[0]?.title;

  it('moves a copy forward only: an older event arriving late changes nothing', async () => {
    await transactions.run((unit) => unit.query(copy('second', '2019-06-02T00:00:00Z')));
    await transactions.run((unit) => unit.query(copy('first', '2019-06-01T00:00:00Z')));
    expect(await title()).toBe('second');
    await transactions.run((unit) => unit.query(copy('third', '2019-06-03T00:00:00Z')));
    expect(await title()).toBe('third');
  });

  it('makes an erasure wait for a write about the same person, and lets writers about others pass', async () => {
    const writer = dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    await writer.query(erasureLock.shared(['r1']).text, [...erasureLock.shared(['r1']).values]);
    const order: string[] = [];
    const second = await new DataSource({
      type: 'postgres',
      url: TEST_DATABASE_URL,
      schema,
      extra: { options: `-c search_path=${schema}`, max: 2 },
    }).initialize();
    const eraser = new Transactions(second);
    const erasure = eraser.run(async (unit) => {
      await unit.query(erasureLock.exclusive('r1'));
      order.push('erased');
    });
    await eraser.run((unit) => unit.query(erasureLock.exclusive('r2')));
    order.push('other person erased');
    await writer.commitTransaction();
    await writer.release();
    await erasure;
    await second.destroy();
    expect(order).toEqual(['other person erased', 'erased']);
  });
});
