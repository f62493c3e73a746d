import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCommit, sendAhead, type StatementAhead } from './preparing-client.js';
import type { Statement } from './statement.js';

/** A deferred statement that failed, thrown by the statement or COMMIT it went with; names who deferred it. */
export class DeferredStatementError extends Error {
  /** pg's fields, so that `sqlStateOf` and `isUniqueViolation` read it as they read the statement's own error. */
  readonly code?: unknown;
  readonly constraint?: unknown;
  readonly driverError: unknown;

  constructor(
    readonly deferredBy: string,
    cause: unknown,
    deferredAt: string | undefined,
  ) {
    super(`${deferredBy} (deferred) failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    const driver = (cause as { driverError?: unknown })?.driverError ?? cause;
    this.driverError = driver;
    this.code = (driver as { code?: unknown })?.code;
    this.constraint = (driver as { constraint?: unknown })?.constraint;
    this.name = 'DeferredStatementError';
    // The stack of the call that deferred it: where the failing statement was written.
    if (deferredAt) this.stack = `${this.name}: ${this.message}\n${deferredAt.split('\n').slice(1).join('\n')}`;
  }
}

const CAPTURE_STACKS = process.env.NODE_ENV !== 'production';

/** A statement waiting to go with the transaction's next statement or its COMMIT. */
export interface Deferred<Row = Record<string, unknown>> {
  /** Its rows once it has run; its error if it failed or never ran. */
  readonly result: Promise<Row[]>;
  /** Gives it up (and whatever was deferred after it) if it has not gone yet; answers whether it had not. */
  withdraw(reason: string): boolean;
}

interface Pending {
  what: string;
  /**
   * Where it was deferred, for the error's stack if the statement fails; outside production only:
   * capturing a stack at every deferred statement cost 2–8% of a consumer's CPU (docs/benchmarks.md).
   */
  at: Error | undefined;
  failure?: unknown;
  settled: boolean;
}

/**
 * The statements of one transaction (or of none: each then commits alone), and the only way code
 * pipelines them: `query` runs one now, `defer` sends one with the next statement or the COMMIT,
 * `afterCommit` runs a callback once the transaction has committed. docs/DESIGN.md, "Delivery
 * guarantees and round trips", says how and why.
 */
export class UnitOfWork {
  private readonly pending: Pending[] = [];
  private static readonly units = new WeakMap<EntityManager, UnitOfWork>();

  private constructor(readonly manager: EntityManager) {}

  /** The unit of work of `manager`'s transaction (one per transaction, so a deferred failure is blamed right). */
  static of(manager: EntityManager): UnitOfWork {
    let unit = UnitOfWork.units.get(manager);
    if (!unit) UnitOfWork.units.set(manager, (unit = new UnitOfWork(manager)));
    return unit;
  }

  get inTransaction(): boolean {
    return this.manager.queryRunner?.isTransactionActive === true;
  }

  /** Runs `statement` now and answers its rows (`RETURNING` rows for a write). */
  async query<Row = Record<string, unknown>>(statement: Statement): Promise<Row[]> {
    return (await this.execute<Row>(statement)).rows;
  }

  /** Runs `statement` now and answers its rows and the number of rows it changed or returned. */
  async execute<Row = Record<string, unknown>>(statement: Statement): Promise<{ rows: Row[]; count: number }> {
    const runner = this.manager.queryRunner;
    const own = runner ? undefined : this.manager.connection.createQueryRunner();
    try {
      const result = await (runner ?? own)!.query(statement.text, statement.values as unknown[], true);
      return { rows: result.records as Row[], count: result.affected ?? result.records.length };
    } catch (error) {
      throw this.blame(error);
    } finally {
      await own?.release();
    }
  }

  /**
   * Sends `statement` with the transaction's next statement, or its COMMIT, in that round trip. If
   * it fails, the statement it went with throws a `DeferredStatementError` naming `what` and
   * carrying the stack of this call. Only inside a transaction.
   */
  defer<Row = Record<string, unknown>>(statement: Statement, what: string): Deferred<Row> {
    const entry: Pending = { what, at: CAPTURE_STACKS ? new Error() : undefined, settled: false };
    const ahead: StatementAhead = sendAhead(this.manager, statement.text, statement.values as unknown[]);
    this.pending.push(entry);
    const result = ahead.sent.then(
      (answered) => {
        entry.settled = true;
        return answered.rows as Row[];
      },
      (error: unknown) => {
        entry.settled = true;
        entry.failure = error;
        throw error;
      },
    );
    result.catch(() => undefined);
    return { result, withdraw: (reason) => ahead.withdraw(reason) };
  }

  /** Runs `callback` once the transaction has committed, never if it rolls back; at once outside one. */
  afterCommit(callback: () => void): void {
    afterCommit(this.manager, callback);
  }

  /** The deferred statement that `error` came from, as a `DeferredStatementError`; else `error`. */
  blame(error: unknown): unknown {
    if (error instanceof DeferredStatementError) return error;
    // TypeORM wraps pg's error (`driverError`); the deferred statement was rejected with pg's own.
    const driverError = (error as { driverError?: unknown } | null)?.driverError ?? error;
    const source = this.pending.find((entry) => entry.failure !== undefined && (entry.failure === error || entry.failure === driverError));
    this.pending.splice(0, this.pending.length, ...this.pending.filter((entry) => !entry.settled));
    return source ? new DeferredStatementError(source.what, error, source.at?.stack) : error;
  }
}

/** Opens units of work on the service's data source. */
@Injectable()
export class Transactions {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** `work` in one transaction: committed when it resolves, rolled back when it throws. */
  async run<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    let unit: UnitOfWork | undefined;
    try {
      return await this.dataSource.transaction((manager) => work((unit = UnitOfWork.of(manager))));
    } catch (error) {
      throw unit ? unit.blame(error) : error;
    }
  }

  /** Statements outside any transaction, each committed on its own. */
  get outside(): UnitOfWork {
    return UnitOfWork.of(this.dataSource.manager);
  }
}
