import { Injectable } from '@nestjs/common';
import { sql, type UnitOfWork } from '#common';

export interface OutboxLag {
  unpublished: number;
  oldestSeconds: number;
}

interface OutboxLagRow {
  unpublished: string;
  oldest_seconds: number | null;
}

/** How far the relay is behind, for the metrics scrape: one statement on the outbox's partial index of unpublished rows. */
@Injectable()
export class OutboxLagRepository {
  async lag(unit: UnitOfWork): Promise<OutboxLag> {
    const [row] = await unit.query<OutboxLagRow>(
      sql(`SELECT count(*) AS unpublished, extract(epoch FROM now() - min(created_at))::float8 AS oldest_seconds FROM outbox WHERE published_at IS NULL`),
    );
    return { unpublished: Number(row?.unpublished ?? 0), oldestSeconds: Math.max(0, row?.oldest_seconds ?? 0) };
  }
}
