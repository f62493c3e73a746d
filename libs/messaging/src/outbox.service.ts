import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit, sendAhead } from '#common';
import { createEvent, type CloudEvent, type EventContext, type EventData, type EventType, type Producer } from '#contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';
import { OutboxRelay } from './outbox.relay.js';
import { withTraceContext } from './trace-context.js';

/** One event to record: its type, its data, and where it belongs. */
export type OutboxEntry = { [T in EventType]: { type: T; data: EventData<T>; context: EventContext } }[EventType];

const MANY_PER_STATEMENT = 1000;

@Injectable()
export class OutboxService {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  /**
   * Records an event in the caller's transaction: it is published if and only if that transaction
   * commits. Its commit wakes this instance's relay (`afterCommit`).
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
    const producer = this.producerFor(type);
    const event = withTraceContext(createEvent(producer, type, data, context));
    const before = change?.parameters ?? [];
    const $ = (n: number) => `$${before.length + n}`;
    // One round trip: the change and the insert in a single statement.
    await manager.query(`${change ? `WITH changed AS (${change.sql}) ` : ''}INSERT INTO outbox (event_id, type, payload) VALUES (${$(1)}, ${$(2)}, ${$(3)})`, [
      ...before,
      event.id,
      event.type,
      JSON.stringify(event),
    ]);
    this.wakeRelayAfter(manager);
    return event;
  }

  /**
   * `addWith` for several events at once: the change and every event, in the order given, in one
   * statement. The statement's text is the same for any number of events (they go as arrays), so it
   * is prepared once per connection. `sentAhead`: for the transaction's last write, the statement
   * goes with its commit, in one round trip (`sendAhead`); then a failure of `change` fails the
   * commit instead of this call.
   */
  async addAllWith(
    manager: EntityManager,
    change: { sql: string; parameters: unknown[] } | null,
    events: readonly OutboxEntry[],
    options: { sentAhead?: boolean } = {},
  ): Promise<CloudEvent[]> {
    const producer = this.producerFor(events[0]?.type);
    const created = events.map(({ type, data, context }) => withTraceContext(createEvent(producer, type, data as never, context) as CloudEvent));
    if (created.length === 0 && !change) return created;
    const before = change?.parameters ?? [];
    const $ = (n: number) => `$${before.length + n}`;
    const sql = `${change ? `WITH changed AS (${change.sql}) ` : ''}INSERT INTO outbox (event_id, type, payload)
       SELECT event_id, type, payload FROM unnest(${$(1)}::uuid[], ${$(2)}::text[], ${$(3)}::jsonb[]) WITH ORDINALITY AS e (event_id, type, payload, n)
        ORDER BY n`;
    const parameters = [...before, created.map((event) => event.id), created.map((event) => event.type), created.map((event) => JSON.stringify(event))];
    if (options.sentAhead) sendAhead(manager, sql, parameters);
    else await manager.query(sql, parameters);
    if (created.length > 0) this.wakeRelayAfter(manager);
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
    const producer = this.producerFor(type);
    const event = withTraceContext(createEvent(producer, type, data, context));
    const $ = (n: number) => `$${change.parameters.length + n}`;
    const recorded: unknown[] = await manager.query(
      `WITH changed AS (${change.sql})
       INSERT INTO outbox (event_id, type, payload) SELECT ${$(1)}::uuid, ${$(2)}::text, ${$(3)}::jsonb FROM changed RETURNING 1`,
      [...change.parameters, event.id, event.type, JSON.stringify(event)],
    );
    if (recorded.length === 0) return null;
    this.wakeRelayAfter(manager);
    return event;
  }

  private producerFor(type: EventType | undefined): Producer {
    const { producer } = this.options;
    if (!producer) throw new Error(`${this.options.service} is configured without a producer and cannot publish ${type}`);
    return producer;
  }

  /**
   * The relay of this instance publishes the events as soon as the transaction commits. Another
   * instance's relay is not woken (it would find the rows claimed by this one's); rows that an
   * instance which stopped left behind are found by the relays' poll.
   */
  private wakeRelayAfter(manager: EntityManager): void {
    afterCommit(manager, () => this.relay.wake());
  }
}
