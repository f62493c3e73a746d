import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CloudEvent } from '#contracts';

export type InboxOutcome = 'handled' | 'duplicate';

@Injectable()
export class InboxService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Runs `work` at most once per event and handler: the inbox row and the work's writes commit
   * together, so a redelivered event finds its row and changes nothing. A concurrent copy of the
   * same event waits on the row's key until the first transaction ends, then sees it.
   */
  handle(event: CloudEvent, handler: string, work: (manager: EntityManager) => Promise<void>): Promise<InboxOutcome> {
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
}
