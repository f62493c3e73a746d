import { createHash } from 'node:crypto';
import pg from 'pg';
import type { EntityManager } from 'typeorm';

/** What Postgres answers a command without rows, for the statements this client answers itself. */
function commandResult(command: string): pg.QueryResult {
  return { command, rowCount: null, oid: 0, rows: [], fields: [] };
}

/** The parts of pg's wire connection a query writes to (not in pg's public types). */
interface WireConnection {
  parse(config: { text: string; name?: string }): void;
  bind(config: { portal?: string; statement?: string; values?: unknown[]; valueMapper?: unknown }): void;
  describe(config: { type: 'P'; name: string }): void;
  execute(config: { portal?: string }): void;
  parsedStatements: Record<string, string | undefined>;
}

/** pg's own mapping of JavaScript values to parameters (dates, buffers, arrays, JSON), as its queries bind them. */
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils;

/** A statement written before a query's own, in the same write and before the same Sync. */
interface Leading {
  /** The prepared statement's name; none for a statement without parameters (parsed unnamed each time). */
  name?: string;
  text: string;
  values: unknown[];
}

/**
 * A query whose Parse/Bind/Execute messages are preceded by those of other statements (a BEGIN,
 * statements sent ahead), in the same write and before the same Sync: one round trip for all.
 * Postgres runs them in order, each with a snapshot of its own, and skips the rest after one fails;
 * pg collects one result per statement. `completed` counts the statements that ran, so that a
 * failure is laid at the right one's door.
 */
class PipelinedQuery extends (pg.Query as unknown as new (config: object) => {
  prepare(connection: WireConnection): void;
  handleCommandComplete(message: unknown, connection: WireConnection): void;
}) {
  completed = 0;

  constructor(
    config: object,
    private readonly leading: Leading[],
  ) {
    super(config);
  }

  override prepare(connection: WireConnection): void {
    for (const statement of this.leading) {
      if (!statement.name) connection.parse({ text: statement.text, name: '' });
      connection.bind({ portal: '', statement: statement.name ?? '', values: statement.values, valueMapper: prepareValue });
      connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '' });
    }
    super.prepare(connection);
  }

  override handleCommandComplete(message: unknown, connection: WireConnection): void {
    this.completed++;
    super.handleCommandComplete(message, connection);
  }
}

/** A statement waiting to go with the transaction's next one (`PreparingClient.sendAhead`). */
export interface StatementAhead {
  /** Its result, once the round trip it went in has returned; its error, if it failed or was never run. */
  sent: Promise<pg.QueryResult>;
  /** Gives it up, and whatever was sent ahead after it, if it has not gone yet; answers whether it had not. */
  withdraw(reason: string): boolean;
}

/** Why a statement sent ahead was never run. */
export class StatementNotRunError extends Error {
  constructor(reason: string) {
    super(`statement not run: ${reason}`);
  }
}

interface Ahead extends Leading {
  resolve(result: pg.QueryResult): void;
  reject(error: Error): void;
}

/**
 * A pg client that prepares every statement with parameters once per connection and sends a
 * transaction's BEGIN and its deferred statements with its next statement: docs/DESIGN.md, "Delivery
 * guarantees and round trips". Code outside libs/common/src/database uses it through `UnitOfWork`.
 */
export class PreparingClient extends pg.Client {
  private beginPending = false;
  private ahead: Ahead[] = [];
  private onCommit: Array<() => void> = [];

  /** A connection handed out by the pool starts outside any transaction, whatever its last user left unsent. */
  forgetPending(): void {
    this.beginPending = false;
    this.withdrawAhead(0, 'the connection went back to the pool');
    this.onCommit = [];
  }

  /**
   * Calls `callback` once the transaction under way has committed (its COMMIT answered COMMIT), and
   * forgets it when the transaction rolls back or fails. Work rolled back to a savepoint does not take
   * its callbacks with it: they suit what is harmless to do once too often, such as waking a loop.
   */
  afterCommit(callback: () => void): void {
    this.onCommit.push(callback);
  }

  /**
   * Sends `text` (one statement) with the transaction's next statement, or its COMMIT, in that round
   * trip instead of one of its own. If it fails, the statement it went with fails with its error (Postgres skips
   * the rest), and so does its own `sent`.
   */
  sendAhead(text: string, values: unknown[]): StatementAhead {
    // Mapped now, as pg would when writing it: a value it cannot take fails this call, not a write half sent.
    const mapped = values.map((value) => prepareValue(value));
    let statement!: Ahead;
    const sent = new Promise<pg.QueryResult>((resolve, reject) => {
      statement = { ...(values.length > 0 ? { name: statementName(text) } : {}), text, values: mapped, resolve, reject };
    });
    // The statement it went with carries any failure to the caller; `sent` is for who wants to know more.
    sent.catch(() => undefined);
    this.ahead.push(statement);
    return {
      sent,
      withdraw: (reason) => {
        const at = this.ahead.indexOf(statement);
        if (at < 0) return false;
        this.withdrawAhead(at, reason);
        return true;
      },
    };
  }

  /** Sends what waits to go ahead (and a pending BEGIN) now, in a round trip of its own. */
  private async flushAhead(): Promise<void> {
    const waiting = this.ahead.splice(0);
    const last = waiting.pop();
    if (!last) {
      if (this.beginPending) {
        this.beginPending = false;
        await super.query('BEGIN');
      }
      return;
    }
    await this.sendWith(waiting, last.text, last.values).then(last.resolve, (error: Error) => {
      last.reject(error);
      throw error;
    });
  }

  override query(...args: unknown[]): any {
    const [text, values] = args;
    const promised = args.length <= 2 && typeof args[1] !== 'function';
    const bare = promised && values === undefined;
    if (bare && (text === 'COMMIT' || text === 'ROLLBACK') && this.onCommit.length > 0) return this.ending(text);
    return this.dispatch(args, text, values, promised, bare);
  }

  /** A COMMIT or ROLLBACK of a transaction with callbacks waiting for its commit: they run if it committed, and go either way. */
  private async ending(text: 'COMMIT' | 'ROLLBACK'): Promise<pg.QueryResult> {
    const callbacks = this.onCommit;
    this.onCommit = [];
    const result = (await this.dispatch([text], text, undefined, true, true)) as pg.QueryResult;
    // Postgres answers ROLLBACK to the COMMIT of a transaction that had failed.
    if (result.command !== 'COMMIT') return result;
    for (const callback of callbacks) {
      try {
        callback();
      } catch (error) {
        // What was committed stays committed: a callback that throws must not make it look failed.
        process.emitWarning(`a callback after COMMIT failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return result;
  }

  private dispatch(args: unknown[], text: unknown, values: unknown, promised: boolean, bare: boolean): any {
    if (bare && text === 'START TRANSACTION' && !this.beginPending && this.ahead.length === 0) {
      this.beginPending = true;
      return Promise.resolve(commandResult('BEGIN'));
    }
    // What waits was queued after the last statement sent, so after any savepoint there is to go back to: undone unsent.
    if (bare && typeof text === 'string' && (text === 'ROLLBACK' || text.startsWith('ROLLBACK TO SAVEPOINT '))) this.withdrawAhead(0, 'rolled back');
    if (bare && this.beginPending && this.ahead.length === 0 && (text === 'COMMIT' || text === 'ROLLBACK')) {
      this.beginPending = false;
      return Promise.resolve(commandResult(text));
    }
    if (this.beginPending || this.ahead.length > 0) {
      if (promised && typeof text === 'string' && Array.isArray(values) && values.length > 0) return this.sendWith(this.ahead.splice(0), text, values);
      if (bare && text === 'COMMIT') return this.sendWith(this.ahead.splice(0), text, []);
      // Anything else (it may hold several statements, which one Parse cannot): what waits goes first, on its own.
      return this.flushAhead().then(() => this.query(...args));
    }
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      return (super.query as (...rest: unknown[]) => unknown)({ name: statementName(text), text, values }, ...args.slice(2));
    }
    return (super.query as (...rest: unknown[]) => unknown)(...args);
  }

  private withdrawAhead(from: number, reason: string): void {
    for (const statement of this.ahead.splice(from)) statement.reject(new StatementNotRunError(reason));
  }

  /**
   * Sends the pending BEGIN, then `leading`, then the statement: in one round trip when every
   * statement with parameters is prepared on this connection, else one after the other. Settles
   * each of `leading` with its result, or its error, or that it was not run.
   */
  private async sendWith(leading: Ahead[], text: string, values: unknown[]): Promise<pg.QueryResult> {
    const begin = this.beginPending;
    this.beginPending = false;
    const own: Leading = values.length > 0 ? { name: statementName(text), text, values } : { text, values };
    const connection = (this as unknown as { connection: WireConnection }).connection;
    const prepared = (statement: Leading) => !statement.name || connection.parsedStatements[statement.name] === statement.text;
    if (!prepared(own) || !leading.every(prepared)) {
      // Every statement taken here is settled, whatever fails: a caller may be waiting on any of them.
      let next = 0;
      try {
        if (begin) await super.query('BEGIN');
        for (; next < leading.length; next++) leading[next]!.resolve(await this.sendAlone(leading[next]!));
      } catch (error) {
        leading[next]?.reject(error as Error);
        for (const skipped of leading.slice(next + 1)) skipped.reject(new StatementNotRunError('an earlier statement failed'));
        throw error;
      }
      return this.sendAlone(own);
    }
    const written: Leading[] = [...(begin ? [{ text: 'BEGIN', values: [] }] : []), ...leading];
    // Extended: a statement without parameters would otherwise go as a simple query, without the others.
    const query = new PipelinedQuery({ ...own, queryMode: 'extended' }, written);
    let results: pg.QueryResult[];
    try {
      results = await new Promise<pg.QueryResult[]>((resolve, reject) => {
        (query as unknown as { callback: unknown }).callback = (err: Error | null, answered: pg.QueryResult | pg.QueryResult[]) =>
          err ? reject(err) : resolve(Array.isArray(answered) ? answered : [answered]);
        (super.query as (query: unknown) => unknown)(query);
      });
      if (results.length !== written.length + 1) throw new Error(`expected ${written.length + 1} results from one round trip, got ${results.length}`);
    } catch (error) {
      // Those before the one that failed ran (and are undone when the caller rolls back); it failed; the rest never ran.
      const failedAt = query.completed - (begin ? 1 : 0);
      leading.forEach((statement, i) => {
        if (i === failedAt) statement.reject(error as Error);
        else if (i > failedAt) statement.reject(new StatementNotRunError('an earlier statement failed'));
        else statement.reject(new Error(`a later statement of its round trip failed: ${(error as Error).message}`, { cause: error }));
      });
      throw error;
    }
    const answered = results.slice(begin ? 1 : 0);
    leading.forEach((statement, i) => statement.resolve(answered[i]!));
    return answered[answered.length - 1]!;
  }

  /** A statement in a round trip of its own, prepared when it has parameters. */
  private sendAlone(statement: Leading): Promise<pg.QueryResult> {
    return (super.query as (query: object) => Promise<pg.QueryResult>)(statement);
  }
}

/**
 * `PreparingClient.sendAhead` on the connection of `manager`'s transaction. Only inside a
 * transaction: outside one, the next statement on the connection could be another caller's.
 */
export function sendAhead(manager: EntityManager, text: string, values: unknown[]): StatementAhead {
  return transactionClientOf(manager, 'sendAhead').sendAhead(text, values);
}

/**
 * `PreparingClient.afterCommit` on the connection of `manager`'s transaction: `callback` runs once
 * that transaction has committed, and never if it rolls back. Outside a transaction, what `manager`
 * ran has committed already, and it runs now.
 */
export function afterCommit(manager: EntityManager, callback: () => void): void {
  if (!manager.queryRunner?.isTransactionActive) callback();
  else transactionClientOf(manager, 'afterCommit').afterCommit(callback);
}

function transactionClientOf(manager: EntityManager, what: string): PreparingClient {
  const client = (manager.queryRunner as { databaseConnection?: pg.ClientBase } | undefined)?.databaseConnection;
  if (!manager.queryRunner?.isTransactionActive) throw new Error(`${what} needs a transaction on a connected query runner`);
  // Another client would not know what to do with it (send it, or call it, at the right time).
  if (!(client instanceof PreparingClient)) throw new Error(`${what} needs the services' PreparingClient (DatabaseModule)`);
  return client;
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
