import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { sql, UnitOfWork, type Deferred, type Statement } from '#common';

const WITHDRAWN = Symbol('withdrawn');

/**
 * One database transaction shared by the messages the transport handles together: each message's
 * inbox work runs after a savepoint of its own, so a failing message rolls back alone, and the
 * batch commits once. The transaction is opened by the first `InboxService.handle` that joins, on
 * that service's data source; a batch no handler joined commits nothing.
 */
export class MessageBatch {
  private dataSource?: DataSource;
  private runner?: QueryRunner;
  private client?: Promise<pg.PoolClient>;
  private savepoints = 0;
  /** Each savepoint's statement, to withdraw it if it has not gone to Postgres yet. */
  private readonly unsent = new Map<string, Deferred | typeof WITHDRAWN>();
  /** Why the transaction cannot commit any more (a lost connection, a failed rollback). */
  private failure?: unknown;

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Whether work on `dataSource` can join this batch: one data source per batch. */
  accepts(dataSource: DataSource): boolean {
    return !this.failed && (this.dataSource === undefined || this.dataSource === dataSource);
  }

  /**
   * Sets a new savepoint for a message's work, and defers `receipt` (its inbox row) after it. Both go
   * with the work's first statement, in its round trip (and the BEGIN with them, for the batch's
   * first message): nothing is sent here. Answers the savepoint that undoes the message's work.
   */
  async enter(dataSource: DataSource, receipt: Statement, what: string): Promise<{ unit: UnitOfWork; savepoint: string; receipt: Deferred }> {
    const unit = await this.join(dataSource);
    const savepoint = `mh_batch_${++this.savepoints}`;
    const marker = unit.defer(sql(`SAVEPOINT ${savepoint}`), `the savepoint of ${what}`);
    this.unsent.set(savepoint, marker);
    return { unit, savepoint, receipt: unit.defer(receipt, what) };
  }

  /**
   * The batch's unit of work, its transaction opened (the BEGIN goes with the first statement): for
   * `enter`, and for idempotent work that needs no savepoint of its own (`InboxService.apply`).
   */
  async join(dataSource: DataSource): Promise<UnitOfWork> {
    if (!this.runner) {
      this.dataSource = dataSource;
      this.runner = dataSource.createQueryRunner('master');
      this.client = this.runner.connect() as Promise<pg.PoolClient>;
    }
    const runner = this.runner;
    try {
      if (this.failed) throw this.failure;
      await this.client!;
      // TypeORM must know the transaction is open: handlers take row locks (which it refuses outside
      // one) and may nest transactions (which must become savepoints, not a second BEGIN and an early
      // COMMIT). Its START TRANSACTION goes out with the first statement.
      if (!runner.isTransactionActive) await runner.startTransaction();
    } catch (error) {
      this.failure ??= error;
      throw error;
    }
    return UnitOfWork.of(runner.manager);
  }

  /** Undoes what came after `savepoint`; if even that fails, the whole batch has failed. */
  async rollbackTo(savepoint: string): Promise<void> {
    if (this.failed || !this.client) return;
    // Nothing of the message's went out (its work failed before its first statement): withdrawing it is
    // all, now and when asked again (the transport rolls a failed message back once more).
    const marker = this.unsent.get(savepoint);
    if (marker === WITHDRAWN) return;
    if (marker?.withdraw('the message was rolled back')) {
      this.unsent.set(savepoint, WITHDRAWN);
      return;
    }
    try {
      await (await this.client).query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
    } catch (error) {
      this.failure = error;
    }
  }

  /**
   * Commits what the batch's messages wrote and releases the connection. Throws when the commit
   * failed, or when Postgres answered it with a rollback (a statement failed and no savepoint
   * caught it): then nothing of the batch is stored.
   */
  async commit(): Promise<void> {
    if (!this.runner) return;
    const runner = this.runner;
    let release: Error | undefined;
    try {
      const client = await this.client!;
      if (this.failed) throw this.failure;
      if (!runner.isTransactionActive) return;
      // A BEGIN still waiting for its first statement is answered without a round trip.
      const result = await client.query('COMMIT');
      if (result.command !== 'COMMIT') throw new Error(`the batch's transaction had failed: Postgres answered ${result.command} to COMMIT`);
    } catch (error) {
      this.failure ??= error;
      release = error instanceof Error ? error : new Error(String(error));
      // The connection may be in any state: leave it to the pool to drop it.
      throw error;
    } finally {
      await (runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> }).releasePostgresConnection(release).catch(() => undefined);
    }
  }
}

/** What `InboxService.handle` finds while the transport handles a message in a batch. */
export class BatchSlot {
  /** The first savepoint this message's work took: rolling back to it undoes the message alone. */
  private firstSavepoint?: string;
  private open = true;

  constructor(readonly batch: MessageBatch) {}

  /** Whether work may still join: the message is being handled and the batch can still commit. */
  joinable(dataSource: DataSource): boolean {
    return this.open && this.batch.accepts(dataSource);
  }

  entered(savepoint: string): void {
    this.firstSavepoint ??= savepoint;
  }

  /** After the message's handler failed: undoes every write of this message. */
  async rollBack(): Promise<void> {
    if (this.firstSavepoint) await this.batch.rollbackTo(this.firstSavepoint);
  }

  close(): void {
    this.open = false;
  }
}

export const batchSlots = new AsyncLocalStorage<BatchSlot>();
