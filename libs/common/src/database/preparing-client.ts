import { createHash } from 'node:crypto';
import pg from 'pg';

/** What Postgres answers a command without rows, for the statements this client answers itself. */
function commandResult(command: string): pg.QueryResult {
  return { command, rowCount: null, oid: 0, rows: [], fields: [] };
}

/** The parts of pg's wire connection a query writes to (not in pg's public types). */
interface WireConnection {
  parse(config: { text: string; name?: string }): void;
  bind(config: { portal?: string; statement?: string; values?: unknown[] }): void;
  execute(config: { portal?: string }): void;
  parsedStatements: Record<string, string | undefined>;
}

/**
 * A prepared statement whose Parse/Bind/Execute messages are preceded by a BEGIN's, in the same
 * write and before the same Sync: the transaction's first statement and its BEGIN in one round
 * trip. Postgres answers the BEGIN first; the caller gets the statement's result.
 */
class BeginFirstQuery extends (pg.Query as unknown as new (config: object) => { prepare(connection: WireConnection): void }) {
  override prepare(connection: WireConnection): void {
    connection.parse({ text: 'BEGIN', name: '' });
    connection.bind({ portal: '', statement: '', values: [] });
    connection.execute({ portal: '' });
    super.prepare(connection);
  }
}

/**
 * A pg client that prepares every statement with parameters once per connection: Postgres parses
 * and plans it the first time and only binds and executes it after, which is most of the cost of
 * the short statements the hot paths send (insert a registration, an outbox row, an inbox row).
 * The name is a hash of the text, so one text always has one name and two never share one.
 * (Behind a PgBouncer in transaction mode older than 1.21, named statements would have to go.)
 *
 * It also sends a transaction's BEGIN (TypeORM's `START TRANSACTION`) with the transaction's first
 * statement, when that one is prepared already on the connection: one round trip less for every
 * transaction on the hot paths. TypeORM sees its `START TRANSACTION` answered as usual; a
 * transaction that ends before any statement costs no round trip at all.
 */
export class PreparingClient extends pg.Client {
  private beginPending = false;

  /** A connection handed out by the pool starts outside any transaction, whatever its last user left unsent. */
  forgetPendingBegin(): void {
    this.beginPending = false;
  }

  override query(...args: unknown[]): any {
    const [text, values] = args;
    const promised = args.length <= 2 && typeof args[1] !== 'function';
    if (promised && text === 'START TRANSACTION' && values === undefined && !this.beginPending) {
      this.beginPending = true;
      return Promise.resolve(commandResult('BEGIN'));
    }
    if (this.beginPending) {
      this.beginPending = false;
      if (promised && (text === 'COMMIT' || text === 'ROLLBACK') && values === undefined) return Promise.resolve(commandResult(text));
      if (promised && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        const name = statementName(text);
        const connection = (this as unknown as { connection: WireConnection }).connection;
        if (connection.parsedStatements[name] === text) {
          return new Promise((resolve, reject) => {
            const callback = (err: Error | null, results: pg.QueryResult | pg.QueryResult[]) =>
              err ? reject(err) : resolve(Array.isArray(results) ? results[results.length - 1] : results);
            (super.query as (query: unknown) => unknown)(new BeginFirstQuery({ name, text, values, callback }));
          });
        }
      }
      // Anything else goes after a BEGIN of its own.
      return (super.query('START TRANSACTION') as unknown as Promise<unknown>).then(() => this.query(...args));
    }
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      return (super.query as (...rest: unknown[]) => unknown)({ name: statementName(text), text, values }, ...args.slice(2));
    }
    return (super.query as (...rest: unknown[]) => unknown)(...args);
  }
}

/** Names already computed: a service sends a few hundred distinct texts, thousands of times each. */
const statementNames = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 10_000;

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `mh_${createHash('sha1').update(text).digest('base64url')}`;
    // Texts built with values inside (none should be) would otherwise grow the map without end.
    if (statementNames.size >= MAX_REMEMBERED_NAMES) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}
