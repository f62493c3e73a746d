import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';

export interface MailQueue {
  pending: number;
  failed: number;
}

interface MailQueueRow {
  pending: string;
  failed: string;
}

/**
 * The mail queue's size, for the metrics scrape. Its own file for now, while DeliveriesRepository
 * is being reshaped: it folds into that class afterwards (one repository per feature folder).
 */
@Injectable()
export class MailQueueRepository {
  /** Pending from the dispatcher's partial index; failed ones are few but unindexed, counted in the same pass. */
  async size(unit: UnitOfWork): Promise<MailQueue> {
    const [row] = await unit.query<MailQueueRow>(
      sql(
        `SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'failed') AS failed FROM deliveries WHERE status <> 'sent'`,
      ),
    );
    return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
  }
}
