import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation, sql, Transactions, type Deferred, type UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';
import { batchSlots, type BatchSlot } from './message-batch.js';

export type InboxOutcome = 'handled' | 'duplicate';

@Injectable()
export class InboxService {
  private readonly transactions: Transactions;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.transactions = new Transactions(dataSource);
  }

  /**
   * Runs `work` at most once per event and handler: the inbox row and the work's writes commit
   * together, so a redelivered event finds its row and changes nothing. A concurrent copy of the
   * same event waits on the row's key until the first transaction ends, then fails on it and is
   * found a duplicate. The row goes with the work's first statement (`recordReceipt`), so the work
   * may run, up to that statement, for an event handled before: it has no effect outside the
   * transaction.
   *
   * While the transport handles a batch of messages (see `AmqpEventsServer`), the row and the work
   * join the batch's transaction after a savepoint of their own, and commit with the batch: when
   * this resolves they are sent, or wait to go with the batch's next statement or its COMMIT, but
   * are not committed. A failing `work` is rolled back to its savepoint before the error is thrown,
   * as a transaction of its own would be. An event handled before fails the batch's commit on its
   * inbox row; handled again alone, it is found to be a duplicate.
   */
  handle(event: CloudEvent, handler: string, work: (unit: UnitOfWork) => Promise<void>): Promise<InboxOutcome> {
    const slot = batchSlots.getStore();
    if (slot?.joinable(this.dataSource)) return this.handleInBatch(slot, event, handler, work);
    let receipt: Deferred | undefined;
    return this.transactions
      .run(async (unit) => {
        receipt = unit.defer(recordReceipt(event, handler), `the inbox row of ${handler}`);
        await work(unit);
      })
      .then(
        () => 'handled' as const,
        async (error: unknown) => {
          if (receipt && (await alreadyHandled(receipt))) return 'duplicate' as const;
          throw error;
        },
      );
  }

  private async handleInBatch(slot: BatchSlot, event: CloudEvent, handler: string, work: (unit: UnitOfWork) => Promise<void>): Promise<InboxOutcome> {
    const { unit, savepoint, receipt } = await slot.batch.enter(this.dataSource, recordReceipt(event, handler), `the inbox row of ${handler}`);
    slot.entered(savepoint);
    try {
      // What the work sends ahead waits for the next message's statements, or the batch's COMMIT: a
      // batch of writes nothing reads back is one round trip. A failure among them fails the batch,
      // whose messages are then handled again each alone (`AmqpEventsServer.handleBatch`).
      await work(unit);
    } catch (error) {
      await slot.batch.rollbackTo(savepoint);
      if (await alreadyHandled(receipt)) return 'duplicate';
      throw error;
    }
    return 'handled';
  }
}

/**
 * The inbox row, sent with the work's first statement (or its commit) rather than in a round trip
 * of its own. No ON CONFLICT: when the event was handled before, the key's violation stops
 * everything after it in that round trip and fails the transaction, so nothing the work sent
 * meanwhile is stored. (A concurrent copy waits on the key until the first one's transaction ends.)
 */
function recordReceipt(event: CloudEvent, handler: string) {
  return sql(`INSERT INTO inbox (event_id, handler, received_at) VALUES ($1, $2, now())`, [event.id, handler]);
}

/** Whether the inbox row failed because the event's row was there already. */
async function alreadyHandled(receipt: Deferred): Promise<boolean> {
  // Still waiting: the work failed before its first statement, and the row never went.
  if (receipt.withdraw('the work failed before its first statement')) return false;
  const outcome = await receipt.result.then(
    () => undefined,
    (error: unknown) => error,
  );
  return isUniqueViolation(outcome, 'inbox_pkey');
}
