import { Inject, Injectable } from '@nestjs/common';
import { chain, type Statement, type UnitOfWork } from '#common';
import { createEvent, type CloudEvent, type EventContext, type EventData, type EventType, type Producer } from '#contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';
import { OutboxRelay } from './outbox.relay.js';
import { withTraceContext } from './trace-context.js';
import { OutboxRepository } from './outbox.repository.js';

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
   * commits. Its commit wakes this instance's relay (`UnitOfWork.afterCommit`).
   */
  add<T extends EventType>(unit: UnitOfWork, type: T, data: EventData<T>, context: EventContext): Promise<CloudEvent<T>> {
    return this.addWith(unit, null, type, data, context);
  }

  /**
   * Many events in the caller's transaction, a thousand to a statement: for a change that announces
   * thousands at once (a scheduling run), where one round trip each would take seconds. Published in
   * the order given, as `add` one after the other would.
   */
  async addMany(unit: UnitOfWork, events: readonly OutboxEntry[]): Promise<CloudEvent[]> {
    const created: CloudEvent[] = [];
    for (let start = 0; start < events.length; start += MANY_PER_STATEMENT) {
      created.push(...(await this.addAllWith(unit, null, events.slice(start, start + MANY_PER_STATEMENT))));
    }
    return created;
  }

  /**
   * `add`, sent in one statement with the caller's own write (`change`: an INSERT, UPDATE or DELETE
   * with `$1…` parameters), for a hot path where a round trip more means a lock held longer. Both
   * run whatever the other returns, so the event is recorded exactly when the change is.
   */
  async addWith<T extends EventType>(unit: UnitOfWork, change: Statement | null, type: T, data: EventData<T>, context: EventContext): Promise<CloudEvent<T>> {
    const producer = this.producerFor(type);
    const event = withTraceContext(createEvent(producer, type, data, context));
    const insert = OutboxRepository.record(event);
    // One round trip: the change and the insert in a single statement.
    await unit.query(change ? chain(change, insert) : insert);
    this.wakeRelayAfter(unit);
    return event;
  }

  /**
   * `addWith` for several events at once: the change and every event, in the order given, in one
   * statement. The statement's text is the same for any number of events (they go as arrays), so it
   * is prepared once per connection. `deferred`: for the transaction's last write, the statement
   * goes with its commit, in one round trip (`UnitOfWork.defer`); then a failure of `change` fails the
   * commit instead of this call, as a `DeferredStatementError` naming `deferred`.
   */
  async addAllWith(unit: UnitOfWork, change: Statement | null, events: readonly OutboxEntry[], options: { deferred?: string } = {}): Promise<CloudEvent[]> {
    const created = this.created(events);
    if (created.length === 0 && !change) return created;
    const insert = OutboxRepository.recordAll(created);
    await this.send(unit, change ? chain(change, insert) : insert, created.length > 0, options);
    return created;
  }

  /**
   * `addAllWith` for a change that may leave some of its rows alone (a guard in its WHERE, so that
   * doing it twice does it once): `change` returns `key` for each row it changed, and an event is
   * recorded only if its `key` was returned, in the same statement.
   */
  async addAllIfChanged(
    unit: UnitOfWork,
    change: Statement,
    events: readonly (OutboxEntry & { key: string })[],
    options: { deferred?: string } = {},
  ): Promise<void> {
    const created = this.created(events);
    const insert = OutboxRepository.recordAllIfChanged(
      created,
      events.map((event) => event.key),
    );
    await this.send(unit, chain(change, insert), created.length > 0, options);
  }

  private created(events: readonly OutboxEntry[]): CloudEvent[] {
    const producer = this.producerFor(events[0]?.type);
    return events.map(({ type, data, context }) => withTraceContext(createEvent(producer, type, data as never, context) as CloudEvent));
  }

  /** Sends `statement` now, or with the transaction's next statement or COMMIT (`deferred`); wakes the relay after the commit if it records events. */
  private async send(unit: UnitOfWork, statement: Statement, recordsEvents: boolean, options: { deferred?: string }): Promise<void> {
    if (options.deferred) unit.defer(statement, options.deferred);
    else await unit.query(statement);
    if (recordsEvents) this.wakeRelayAfter(unit);
  }

  /**
   * `addWith` for a change that may do nothing, such as `INSERT … ON CONFLICT DO NOTHING`: the event
   * is recorded only if `change` (ending in `RETURNING`, at most one row) returned a row, in the same
   * statement. Answers the event, or null when the change did nothing and no event was recorded.
   */
  async addIfChanged<T extends EventType>(
    unit: UnitOfWork,
    change: Statement,
    type: T,
    data: EventData<T>,
    context: EventContext,
  ): Promise<CloudEvent<T> | null> {
    const producer = this.producerFor(type);
    const event = withTraceContext(createEvent(producer, type, data, context));
    const recorded = await unit.query(chain(change, OutboxRepository.recordIfChanged(event)));
    if (recorded.length === 0) return null;
    this.wakeRelayAfter(unit);
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
  private wakeRelayAfter(unit: UnitOfWork): void {
    unit.afterCommit(() => this.relay.wake());
  }
}
