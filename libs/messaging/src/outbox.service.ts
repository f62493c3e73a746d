import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sendAhead } from '#common';
import { createEvent, type CloudEvent, type EventContext, type EventData, type EventType } from '#contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';

/** The notification channel the relay listens on; one per schema, so services never wake each other. */
export function outboxChannel(schema: string): string {
  return `outbox.${schema}`;
}

/** One event to record: its type, its data, and where it belongs. */
export type OutboxEntry = { [T in EventType]: { type: T; data: EventData<T>; context: EventContext } }[EventType];

const MANY_PER_STATEMENT = 1000;

@Injectable()
export class OutboxService {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  /**
   * Records an event in the caller's transaction: it is published if and only if that transaction
   * commits. The notification is delivered at commit, which is what wakes the relay.
   */
  add<T extends EventType>(manager: EntityManager, type: T, data: EventData<T>, context: EventContext): Promise<CloudEvent<T>> {
    return this.addWith(manager, null, type, data, context);
  }

  /**
   * Many events in the caller's transaction, a thousand to a statement: for a change that announces
   * thousands at once (a scheduling run), where one round trip each would take seconds. Published in
   * the order given, as `add` one after the other would.
   */
  async addMany(manager: EntityManager, events: readonly OutboxEntry[]): Promise<CloudEvent[]> {
    const created: CloudEvent[] = [];
    for (let start = 0; start < events.length; start += MANY_PER_STATEMENT) {
      created.push(...(await this.addAllWith(manager, null, events.slice(start, start + MANY_PER_STATEMENT))));
    }
    return created;
  }

  /**
   * `add`, sent in one statement with the caller's own write (`change`: an INSERT, UPDATE or DELETE
   * with `$1…` parameters), for a hot path where a round trip more means a lock held longer. Both
   * run whatever the other returns, so the event is recorded exactly when the change is.
   */
  async addWith<T extends EventType>(
    manager: EntityManager,
    change: { sql: string; parameters: unknown[] } | null,
    type: T,
    data: EventData<T>,
    context: EventContext,
  ): Promise<CloudEvent<T>> {
    const { producer, schema } = this.options;
    if (!producer) throw new Error(`${this.options.service} is configured without a producer and cannot publish ${type}`);
    const event = createEvent(producer, type, data, context);
    const before = change?.parameters ?? [];
    const $ = (n: number) => `$${before.length + n}`;
    // One round trip: the change, the insert and the notification in a single statement.
    await manager.query(
      `WITH ${change ? `changed AS (${change.sql}), ` : ''}recorded AS (INSERT INTO outbox (event_id, type, payload) VALUES (${$(1)}, ${$(2)}, ${$(3)}) RETURNING 1)
       SELECT pg_notify(${$(4)}, '') FROM recorded`,
      [...before, event.id, event.type, JSON.stringify(event), outboxChannel(schema)],
    );
    return event;
  }

  /**
   * `addWith` for several events at once: the change and every event, in the order given, in one
   * statement and one notification. The statement's text is the same for any number of events (they
   * go as arrays), so it is prepared once per connection. `sentAhead`: for the transaction's last
   * write, the statement goes with its commit, in one round trip (`sendAhead`); then a failure of
   * `change` fails the commit instead of this call.
   */
  async addAllWith(
    manager: EntityManager,
    change: { sql: string; parameters: unknown[] } | null,
    events: readonly OutboxEntry[],
    options: { sentAhead?: boolean } = {},
  ): Promise<CloudEvent[]> {
    const { producer, schema } = this.options;
    if (!producer) throw new Error(`${this.options.service} is configured without a producer and cannot publish ${events[0]?.type}`);
    const created = events.map(({ type, data, context }) => createEvent(producer, type, data as never, context) as CloudEvent);
    if (created.length === 0 && !change) return created;
    const before = change?.parameters ?? [];
    const $ = (n: number) => `$${before.length + n}`;
    const sql = `WITH ${change ? `changed AS (${change.sql}), ` : ''}recorded AS (
         INSERT INTO outbox (event_id, type, payload)
         SELECT event_id, type, payload FROM unnest(${$(1)}::uuid[], ${$(2)}::text[], ${$(3)}::jsonb[]) WITH ORDINALITY AS e (event_id, type, payload, n)
          ORDER BY n
         RETURNING 1)
       SELECT pg_notify(${$(4)}, '') FROM (SELECT 1 FROM recorded LIMIT 1) AS any_recorded`;
    const parameters = [
      ...before,
      created.map((event) => event.id),
      created.map((event) => event.type),
      created.map((event) => JSON.stringify(event)),
      outboxChannel(schema),
    ];
    if (options.sentAhead) sendAhead(manager, sql, parameters);
    else await manager.query(sql, parameters);
    return created;
  }

  /**
   * `addWith` for a change that may do nothing, such as `INSERT … ON CONFLICT DO NOTHING`: the event
   * is recorded only if `change` (ending in `RETURNING`, at most one row) returned a row, in the same
   * statement. Answers the event, or null when the change did nothing and no event was recorded.
   */
  async addIfChanged<T extends EventType>(
    manager: EntityManager,
    change: { sql: string; parameters: unknown[] },
    type: T,
    data: EventData<T>,
    context: EventContext,
  ): Promise<CloudEvent<T> | null> {
    const { producer, schema } = this.options;
    if (!producer) throw new Error(`${this.options.service} is configured without a producer and cannot publish ${type}`);
    const event = createEvent(producer, type, data, context);
    const $ = (n: number) => `$${change.parameters.length + n}`;
    const notified: unknown[] = await manager.query(
      `WITH changed AS (${change.sql}),
       recorded AS (INSERT INTO outbox (event_id, type, payload) SELECT ${$(1)}::uuid, ${$(2)}::text, ${$(3)}::jsonb FROM changed RETURNING 1)
       SELECT pg_notify(${$(4)}, '') FROM recorded`,
      [...change.parameters, event.id, event.type, JSON.stringify(event), outboxChannel(schema)],
    );
    return notified.length > 0 ? event : null;
  }
}
