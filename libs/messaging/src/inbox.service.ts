import { Inject, Injectable } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { CloudEvent } from '#contracts';
import { batchSlots, type BatchSlot } from './message-batch.js';

export type InboxOutcome = 'handled' | 'duplicate';

@Injectable()
export class InboxService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Runs `work` at most once per event and handler: the inbox row and the work's writes commit
   * together, so a redelivered event finds its row and changes nothing. A concurrent copy of the
   * same event waits on the row's key until the first transaction ends, then sees it.
   *
   * While the transport handles a batch of messages (see `AmqpEventsServer`), the row and the work
   * join the batch's transaction after a savepoint of their own, and commit with the batch: when
   * this resolves they are written but not yet committed. A failing `work` is rolled back to its
   * savepoint before the error is thrown, as a transaction of its own would be.
   */
  handle(event: CloudEvent, handler: string, work: (manager: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    const slot = batchSlots.getStore();
    if (slot?.joinable(this.dataSource)) return this.handleInBatch(slot, event, handler, work);
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (event_id, handler, received_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING RETURNING event_id`,
        [event.id, handler],
      );
      if (inserted.length === 0) return 'duplicate';
      await work(manager);
      return 'handled';
    });
  }

  private async handleInBatch(slot: BatchSlot, event: CloudEvent, handler: string, work: (manager: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    // Sent with the savepoint (and the batch's BEGIN) in one round trip, so as plain SQL: literals, no parameters.
    const insert = `INSERT INTO inbox (event_id, handler, received_at) VALUES (${pg.escapeLiteral(event.id)}, ${pg.escapeLiteral(handler)}, now()) ON CONFLICT DO NOTHING RETURNING event_id`;
    const { manager, savepoint, results } = await slot.batch.enter(this.dataSource, insert);
    slot.entered(savepoint);
    if ((results[0]?.rowCount ?? 0) === 0) return 'duplicate';
    try {
      await work(manager);
    } catch (error) {
      await slot.batch.rollbackTo(savepoint);
      throw error;
    }
    return 'handled';
  }
}
