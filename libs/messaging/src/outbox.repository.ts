import { sql, type Statement, type UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';

/** A row the relay claimed, as it publishes it. */
export interface OutboxRow {
  id: string;
  event_id: string;
  type: string;
  payload: string;
  correlation_id: string | null;
}

/**
 * Every statement of the outbox table. Writers get statements (`record…`) to run or chain with
 * their own change; the relay claims with BEGIN and sends its mark with the COMMIT: two round trips a batch.
 */
export class OutboxRepository {
  /** Inserts the events in the order given; one text for any number of them, so it is prepared once per connection. */
  static recordAll(events: readonly CloudEvent[]): Statement {
    return sql(
      `INSERT INTO outbox (event_id, type, payload)
       SELECT event_id, type, payload FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS e (event_id, type, payload, n)
        ORDER BY n`,
      [events.map((event) => event.id), events.map((event) => event.type), events.map((event) => JSON.stringify(event))],
    );
  }

  /**
   * `recordAll` chained after a change named `changed` that returns a `key` per row it changed: an
   * event goes in only if the change returned its key (`keys[i]` is `events[i]`'s).
   */
  static recordAllIfChanged(events: readonly CloudEvent[], keys: readonly string[]): Statement {
    return sql(
      `INSERT INTO outbox (event_id, type, payload)
       SELECT event_id, type, payload FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[]) WITH ORDINALITY AS e (event_id, type, payload, key, n)
        WHERE e.key IN (SELECT key FROM changed)
        ORDER BY n`,
      [events.map((event) => event.id), events.map((event) => event.type), events.map((event) => JSON.stringify(event)), keys],
    );
  }

  static record(event: CloudEvent): Statement {
    return sql(`INSERT INTO outbox (event_id, type, payload) VALUES ($1, $2, $3)`, [event.id, event.type, JSON.stringify(event)]);
  }

  /** Inserts the event once for each row of the CTE `changed` it is chained after, and returns a row for each. */
  static recordIfChanged(event: CloudEvent): Statement {
    return sql(`INSERT INTO outbox (event_id, type, payload) SELECT $1::uuid, $2::text, $3::jsonb FROM changed RETURNING 1`, [
      event.id,
      event.type,
      JSON.stringify(event),
    ]);
  }

  /** Seconds since the oldest unpublished row was written; the partial index finds it at once (ids grow with time). */
  static async oldestUnpublishedSeconds(unit: UnitOfWork): Promise<number> {
    const [row] = await unit.query<{ age: number }>(
      sql(`SELECT coalesce(extract(epoch FROM now() - created_at), 0)::float8 AS age FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 1`),
    );
    return row ? Math.round(row.age) : 0;
  }

  /** How far the relay is behind, for the metrics scrape: the unpublished rows (on the partial index) and the oldest one's age. */
  static async lag(unit: UnitOfWork): Promise<{ unpublished: number; oldestSeconds: number }> {
    const [row] = await unit.query<{ unpublished: string; oldest_seconds: number | null }>(
      sql(`SELECT count(*) AS unpublished, extract(epoch FROM now() - min(created_at))::float8 AS oldest_seconds FROM outbox WHERE published_at IS NULL`),
    );
    return { unpublished: Number(row?.unpublished ?? 0), oldestSeconds: Math.max(0, row?.oldest_seconds ?? 0) };
  }

  /** Claims up to `limit` unpublished rows, oldest first; other instances skip what this transaction holds. */
  static async claim(unit: UnitOfWork, limit: number): Promise<OutboxRow[]> {
    return unit.query<OutboxRow>(
      sql(
        `SELECT id, event_id, type, payload::text AS payload, payload->>'correlationid' AS correlation_id
           FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      ),
    );
  }

  /**
   * Marks the rows published, sent with the COMMIT. Losing the mark in a crash only publishes the rows
   * again, which consumers absorb: the commit need not wait for the disk.
   */
  static deferMarkPublished(unit: UnitOfWork, ids: readonly string[]): void {
    unit.defer(sql(`SET LOCAL synchronous_commit = off`), "the outbox mark's commit mode");
    unit.defer(sql(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]), 'the outbox mark');
  }
}
