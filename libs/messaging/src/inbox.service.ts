import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation, Transactions, type Deferred, type UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';
import { InboxRepository } from './inbox.repository.js';
import { batchSlots, type BatchSlot } from './message-batch.js';

export type InboxOutcome = 'handled' | 'duplicate';

@Injectable()
export class InboxService {
  private readonly transactions: Transactions;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.transactions = new Transactions(dataSource);
  }

  /**
   * Runs `work` at most once per event and handler: its writes commit with the inbox row, and a
   * redelivered event is found a `duplicate`. In a batch, after a savepoint of its own.
   * docs/DESIGN.md, "Delivery guarantees and round trips".
   */
  handle(event: CloudEvent, handler: string, work: (unit: UnitOfWork) => Promise<void>): Promise<InboxOutcome> {
    const slot = batchSlots.getStore();
    if (slot?.joinable(this.dataSource)) return this.handleInBatch(slot, event, handler, work);
    let receipt: Deferred | undefined;
    return this.transactions
      .run(async (unit) => {
        receipt = unit.defer(InboxRepository.recordReceipt(event.id, handler), `the inbox row of ${handler}`);
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

  /**
   * Runs `work` that may run twice with the same outcome (an upsert that only moves its row forward, a
   * delete): no inbox row and no savepoint. In a batch it joins the batch's transaction, its writes
   * going with the batch's COMMIT, so it can run beside another handler of the same message (Nest runs
   * them at once) without a transaction and a commit of its own per message; rolled back with the
   * message if the message fails, and done again when it is retried. Alone, in a transaction of its own.
   */
  async apply(work: (unit: UnitOfWork) => Promise<void>): Promise<void> {
    const slot = batchSlots.getStore();
    if (slot?.joinable(this.dataSource)) return work(await slot.batch.join(this.dataSource));
    return this.transactions.run(work);
  }

  private async handleInBatch(slot: BatchSlot, event: CloudEvent, handler: string, work: (unit: UnitOfWork) => Promise<void>): Promise<InboxOutcome> {
    const { unit, savepoint, receipt } = await slot.batch.enter(
      this.dataSource,
      InboxRepository.recordReceipt(event.id, handler),
      `the inbox row of ${handler}`,
    );
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
