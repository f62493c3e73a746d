import { Logger, type LoggerService } from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage, MessagePropertyHeaders, Options } from 'amqplib';
import { lastValueFrom } from 'rxjs';
import { contextOf, eventLogContext, isDatabaseOutage, SpanKind, type InstrumentedTransport, type Metrics, type Tracing } from '#common';
import { eventCatalogue, EventContractError, isSubscriber, parseEvent, sourceMismatch, subscriptions, type CloudEvent } from '#contracts';
import { AmqpEventContext } from './amqp-event.context.js';
import { connectToBroker } from './broker-connection.js';
import { ConsumerMetrics, handlerNames } from './consumer.metrics.js';
import { batchSlots, BatchSlot, MessageBatch } from './message-batch.js';
import { BROKER_HEADERS, MessageHeaders } from './message-headers.js';
import { OutagePause } from './outage-pause.js';
import { DEFAULT_RETRY_DELAYS_MS, decideRetry, retryCountOf } from './retry-policy.js';
import { findMatchingPattern } from './topic-pattern.js';
import { assertTopology, queueNames, type QueueNames } from './topology.js';

export interface AmqpEventsServerOptions {
  url: string;
  exchange: string;
  /** Names the service's queues: `mission-hub.<service>`, `.retry.<ms>`, `.dead`. */
  service: string;
  /** Unacknowledged messages the broker hands this consumer at once (default 32). */
  prefetch?: number;
  /** One retry queue per delay, tried in order; then the dead-letter queue (default 1 s, 5 s, 30 s). */
  retryDelaysMs?: number[];
  logger?: LoggerService;
  /** How long a retry or dead-letter copy may wait for its confirm (default 5000 ms). */
  publishTimeoutMs?: number;
  /** Pause before reconnecting after the broker went away (default 1 s). */
  reconnectSeconds?: number;
  /**
   * Messages delivered together are handled in one database transaction (see `handleBatch`), at most
   * the prefetch in one; this many batches at once (default 1).
   */
  concurrentBatches?: number;
}

/**
 * What an `@EventPattern` handler may tell this transport, as the decorator's extras:
 * `@EventPattern('type', { batched: false })` keeps its messages out of batches. A handler opts out
 * when it expects what `InboxService.handle` wrote to be committed when that resolves (another
 * transaction reads it). Inbox work has no effect outside its transaction in either case (an e-mail
 * is queued, see notifications' DeliveryDispatcher): it may run for an event handled before, up to
 * its first statement, before the inbox row says so.
 */
export interface EventHandlerExtras {
  batched?: boolean;
}

/** A message ready for its handler. */
interface Delivery {
  message: ConsumeMessage;
  channel: ConfirmChannel;
  routingKey: string;
  event: CloudEvent;
  handler: MessageHandler;
  /** The `@EventPattern` the handler was registered under. */
  pattern: string;
  log: { eventId: string; type: string; correlationId: string; service: string };
}

interface QueuedDelivery extends Delivery {
  /** Settles the promise the consumer tracks for this message. */
  done: () => void;
}

type Status = 'connected' | 'disconnected';
/** Events of the amqp-connection-manager connection, which `on()` subscribes to. */
type BrokerEvents = Record<string, (...args: any[]) => void>;

/**
 * A Nest transport for CloudEvents on RabbitMQ that keeps the backbone's promises, which the stock
 * RMQ transport does not: it routes by the routing key, acknowledges only after the handler has
 * finished (and so after its transaction committed), limits prefetch, retries failures through
 * delay queues and dead-letters what cannot be handled, without ever blocking the queue. Messages
 * delivered together are handled in one database transaction, a savepoint each (`handleBatch`),
 * unless their handler opts out (`EventHandlerExtras`).
 */
export class AmqpEventsServer extends Server<BrokerEvents, Status> implements CustomTransportStrategy, InstrumentedTransport {
  /** Handler failures come back to this transport, which retries or dead-letters them. */
  override readonly propagatesEventHandlerErrors = true;
  readonly probeName = 'consumer';
  protected override readonly logger: LoggerService;
  private readonly queues: QueueNames;
  private readonly retryDelaysMs: readonly number[];
  private manager?: AmqpConnectionManager;
  private channel?: ChannelWrapper;
  /** The channel messages come from, and the consumer's tag while it takes them (none while paused). */
  private consumer?: { channel: ConfirmChannel; consumerTag?: string };
  private closing = false;
  private readonly inFlight = new Set<Promise<void>>();
  /** Messages waiting for a batch. */
  private readonly queued: QueuedDelivery[] = [];
  private batchesRunning = 0;
  private batchScheduled = false;
  private readonly pendingListeners: { event: string; callback: (...args: any[]) => void }[] = [];
  /** Holds messages and pauses consumption while the database is unreachable. */
  private readonly outage = new OutagePause({ pause: () => this.pauseConsumption(), resume: () => this.resumeConsumption() });
  private metrics?: ConsumerMetrics;
  private tracing?: Tracing;
  /** Each pattern's handlers by name, for metrics and spans; the pattern itself where unknown. */
  private handlerNames = new Map<string, string>();

  constructor(private readonly options: AmqpEventsServerOptions) {
    super();
    this.logger = options.logger ?? new Logger(AmqpEventsServer.name);
    this.queues = queueNames(options.service);
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  /** Records handlings into the application's metrics, and traces them when it traces (`createServiceApplication` calls it). */
  instrument(metrics: Metrics, tracing: Tracing, modules: ModulesContainer): void {
    this.metrics = new ConsumerMetrics(metrics, () => this.inFlight.size);
    this.tracing = tracing;
    this.handlerNames = handlerNames(modules);
  }

  /** Calls back once the topology is asserted and the consumer started; until then the app waits for the broker. */
  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    const patterns = this.bindingPatterns();
    const drift = subscriptionDrift(this.options.service, patterns);
    if (drift) {
      callback(new Error(drift));
      return;
    }
    this.closing = false;
    this.manager = connectToBroker(this.options.url, this.logger, `${this.options.service} consumer`, this.options.reconnectSeconds);
    this.manager.on('connect', () => this._status$.next('connected'));
    this.manager.on('disconnect', () => this._status$.next('disconnected'));
    for (const { event, callback: listener } of this.pendingListeners.splice(0)) this.manager.on(event, listener);

    let started = false;
    const ready = (err?: unknown) => {
      if (started) return;
      started = true;
      if (err) {
        void this.close();
        callback(err);
      } else {
        callback();
      }
    };
    this.channel = this.manager.createChannel({
      name: `${this.options.service}-consumer`,
      confirm: true,
      publishTimeout: this.options.publishTimeoutMs ?? 5000,
      setup: async (channel: ConfirmChannel) => {
        try {
          await this.setUp(channel, patterns);
          ready();
        } catch (err) {
          ready(err);
          throw err;
        }
      },
    });
    this.channel.on('error', (err: Error) => this.logger.error({ msg: 'consumer channel setup failed', reason: err.message, service: this.options.service }));
  }

  /** Stops taking messages, lets the handlers under way finish and settle their messages, then disconnects. */
  async close(): Promise<void> {
    this.closing = true;
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer?.consumerTag) await consumer.channel.cancel(consumer.consumerTag).catch(() => undefined);
    // Messages held through a database outage are left unsettled: they go back to the queue with the channel.
    this.outage.stop();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.channel?.close().catch(() => undefined);
    await this.manager?.close();
  }

  /** Whether the consumer's connection is up, for readiness (also usable as a ReadinessProbe). */
  isConnected(): boolean {
    return this.manager?.isConnected() ?? false;
  }

  isReady(): boolean {
    return this.isConnected();
  }

  on(event: string, callback: (...args: any[]) => void): void {
    if (this.manager) this.manager.on(event, callback);
    else this.pendingListeners.push({ event, callback });
  }

  unwrap<T>(): T {
    if (!this.manager) throw new Error('Not initialised: call listen() (startAllMicroservices) first');
    return this.manager as T;
  }

  /** Exact pattern first, then a topic wildcard that matches the routing key. */
  override getHandlerByPattern(routingKey: string): MessageHandler | null {
    const pattern = findMatchingPattern(this.messageHandlers.keys(), routingKey);
    return pattern === undefined ? null : (this.messageHandlers.get(pattern) ?? null);
  }

  private bindingPatterns(): string[] {
    const patterns: string[] = [];
    for (const [pattern, handler] of this.messageHandlers) {
      if (!handler.isEventHandler || pattern.startsWith('{')) {
        this.logger.warn({ msg: `ignoring handler ${pattern}: only @EventPattern with a routing-key pattern is supported` });
        continue;
      }
      patterns.push(pattern);
    }
    return patterns;
  }

  /** Runs on every (re)connect, on the new channel. */
  private async setUp(channel: ConfirmChannel, patterns: string[]): Promise<void> {
    if (this.closing) return;
    const connection = this.manager?.connection;
    // Unheard, a channel error is rethrown inside amqplib and takes the whole connection down with it.
    channel.on('error', (err: Error) => this.logger.warn({ msg: 'consumer channel error', reason: err.message, service: this.options.service }));
    channel.once('close', () => this.onChannelClosed(connection));
    await assertTopology(channel, {
      exchange: this.options.exchange,
      service: this.options.service,
      patterns,
      retryDelaysMs: this.retryDelaysMs,
    });
    await channel.prefetch(this.options.prefetch ?? 32);
    this.consumer = { channel };
    // Through a database outage, a new channel waits like the old one for the outage to end.
    if (!this.outage.isPaused) await this.consume(channel);
  }

  private async consume(channel: ConfirmChannel): Promise<void> {
    const { consumerTag } = await channel.consume(this.queues.main, (message) => this.onDelivery(message, channel), { noAck: false });
    if (this.consumer?.channel === channel) this.consumer.consumerTag = consumerTag;
  }

  /** Stops deliveries (those already here are held or handled); the channel, and the messages' delivery tags, stay. */
  private pauseConsumption(): void {
    const consumer = this.consumer;
    this.logger.warn({
      msg: 'the database is unreachable: consumption paused, messages held (no retry spent, none dead-lettered)',
      service: this.options.service,
    });
    if (!consumer?.consumerTag) return;
    const tag = consumer.consumerTag;
    consumer.consumerTag = undefined;
    consumer.channel.cancel(tag).catch(() => undefined);
  }

  private resumeConsumption(): void {
    const consumer = this.consumer;
    if (this.closing || !consumer || consumer.consumerTag) return;
    this.logger.log({ msg: 'the database answers again: consumption resumed', service: this.options.service });
    // A channel that closed meanwhile is replaced on reconnect, and its setUp consumes.
    this.consume(consumer.channel).catch(() => undefined);
  }

  /**
   * amqp-connection-manager replaces a channel only when the whole connection comes back, so a
   * channel closed on its own (a channel error) would leave the service deaf. Reconnect then.
   */
  private onChannelClosed(connection: unknown): void {
    setTimeout(() => {
      if (this.closing || !this.manager || this.manager.connection !== connection || !connection) return;
      this.logger.warn({ msg: 'consumer channel closed while connected; reconnecting', service: this.options.service });
      this.manager.reconnect();
    }, 100).unref();
  }

  private onDelivery(message: ConsumeMessage | null, channel: ConfirmChannel): void {
    if (!message) {
      // The broker cancelled the consumer (queue deleted or moved): reconnecting re-asserts and re-consumes.
      if (!this.closing) {
        this.logger.warn({ msg: 'the broker cancelled the consumer; reconnecting', service: this.options.service });
        this.manager?.reconnect();
      }
      return;
    }
    const work: Promise<void> = this.process(message, channel)
      .catch((err: unknown) => this.logger.error({ msg: 'message left unsettled; the broker will redeliver it', reason: reasonOf(err) }))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async process(message: ConsumeMessage, channel: ConfirmChannel): Promise<void> {
    const delivery = this.prepare(message, channel);
    if (delivery === OWN_EVENT_UNHANDLED) return settle(channel, message, 'ack');
    if ('reason' in delivery) return this.deadLetter(message, channel, delivery.routingKey, delivery.reason, delivery.log);
    if (!joinsBatches(delivery.handler)) return this.handleAlone(delivery);
    return new Promise<void>((done) => {
      this.queued.push({ ...delivery, done });
      this.scheduleBatches();
    });
  }

  /** The message's event, checked against its routing key, and its handler; or why it must be dead-lettered. */
  private prepare(
    message: ConsumeMessage,
    channel: ConfirmChannel,
  ): Delivery | { reason: string; routingKey: string; log?: Delivery['log'] } | typeof OWN_EVENT_UNHANDLED {
    const headers = message.properties.headers ?? {};
    const original = headers[MessageHeaders.originalRoutingKey];
    const routingKey = typeof original === 'string' && original.length > 0 ? original : message.fields.routingKey;

    let event: CloudEvent;
    try {
      event = parseEvent(JSON.parse(message.content.toString('utf8')));
    } catch (err) {
      return { routingKey, reason: err instanceof SyntaxError ? `malformed JSON: ${err.message}` : reasonOf(err) };
    }
    const log = { eventId: event.id, type: event.type, correlationId: event.correlationid, service: this.options.service };
    if (event.type !== routingKey) return { routingKey, log, reason: `routing key ${routingKey} does not match event type ${event.type}` };
    // Only the service that owns a type speaks for it: a forged source never reaches a handler.
    const forged = sourceMismatch(event);
    if (forged) return { routingKey, log, reason: forged };
    const pattern = findMatchingPattern(this.messageHandlers.keys(), routingKey);
    const handler = pattern === undefined ? undefined : this.messageHandlers.get(pattern);
    if (pattern === undefined || !handler) {
      // Its own event, with no handler: a binding an older release made brought it (notifications bound `#`
      // until 2026-12-06, and an instance not yet upgraded binds it again). Nothing is missing; nothing to keep.
      if (eventCatalogue[event.type]?.producer === this.options.service) return OWN_EVENT_UNHANDLED;
      return { routingKey, log, reason: `no handler for ${routingKey} in ${this.options.service}` };
    }
    return { message, channel, routingKey, event, handler, pattern, log };
  }

  /**
   * Runs the handler (with Nest's pipes, interceptors and filters) to its end, timed, in a span that
   * continues the trace the event was recorded in (its `traceparent`) when the service traces.
   */
  private async invoke({ message, channel, routingKey, event, handler, pattern }: Delivery): Promise<void> {
    const context = new AmqpEventContext([message, channel, routingKey]);
    const handlerName = this.handlerNames.get(pattern) ?? pattern;
    const ended = this.metrics?.handlingStarted(event.type, handlerName);
    // Every log line written while handling names the event and its flow.
    const handle = () =>
      eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, async () =>
        lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined }),
      );
    try {
      if (this.tracing?.enabled) {
        await this.tracing.inSpan(
          `${event.type} process`,
          {
            kind: SpanKind.CONSUMER,
            parent: contextOf(event),
            attributes: {
              'messaging.system': 'rabbitmq',
              'messaging.operation.type': 'process',
              'messaging.message.id': event.id,
              'mission_hub.handler': handlerName,
            },
          },
          handle,
        );
      } else {
        await handle();
      }
    } catch (err) {
      ended?.('failed');
      throw err;
    }
    ended?.('handled');
  }

  /**
   * One message, its inbox work in a transaction of its own; acked once that committed. A failure
   * because the database is unreachable is no failure of the message: it is held until the
   * database answers (`OutagePause`) and tried again, spending no retry.
   */
  private async handleAlone(delivery: Delivery): Promise<void> {
    for (;;) {
      try {
        await this.invoke(delivery);
      } catch (err) {
        if (isDatabaseOutage(err)) {
          if (this.closing) return;
          await this.outage.outage();
          // Stopping: left unsettled, the message goes back to the queue with the channel.
          if (this.closing) return;
          continue;
        }
        this.outage.recovered();
        return this.retryOrDeadLetter(delivery.message, delivery.channel, delivery.routingKey, err, delivery.log);
      }
      this.outage.recovered();
      settle(delivery.channel, delivery.message, 'ack');
      this.logger.debug?.({ msg: 'event handled', ...delivery.log });
      return;
    }
  }

  /**
   * Starts a batch with what has been delivered meanwhile, once the messages that arrived in the
   * same turn of the event loop are all queued, unless `concurrentBatches` batches are running: then the
   * queue grows until one ends. So a quiet consumer handles each message at once, alone, and a busy
   * one handles more per transaction.
   */
  private scheduleBatches(): void {
    if (this.batchScheduled) return;
    this.batchScheduled = true;
    setImmediate(() => {
      this.batchScheduled = false;
      const maxSize = this.options.prefetch ?? 32;
      while (this.queued.length > 0 && this.batchesRunning < (this.options.concurrentBatches ?? 1)) {
        const batch = this.queued.splice(0, maxSize);
        this.batchesRunning++;
        void this.handleBatch(batch)
          .catch((err: unknown) => this.logger.error({ msg: 'batch left unsettled; the broker will redeliver it', reason: reasonOf(err) }))
          .finally(() => {
            for (const delivery of batch) delivery.done();
            this.batchesRunning--;
            if (this.queued.length > 0) this.scheduleBatches();
          });
      }
    });
  }

  /**
   * Handles messages one after the other in one database transaction: `InboxService.handle` joins it
   * after a savepoint per message, so a message whose handler fails is rolled back alone and goes
   * the retry or dead-letter way; the others commit together and are acked after the commit. If
   * the transaction itself fails (a lost connection, a failed commit, a write sent ahead that
   * failed), nothing of it is stored and each message, failed or not, is handled again alone, as if
   * no batch had been tried.
   */
  private async handleBatch(deliveries: QueuedDelivery[]): Promise<void> {
    if (deliveries.length === 1) return this.handleAlone(deliveries[0]!);
    const batch = new MessageBatch();
    const handled: Delivery[] = [];
    const failed: { delivery: Delivery; err: unknown }[] = [];
    for (const delivery of deliveries) {
      if (batch.failed) break;
      const slot = new BatchSlot(batch);
      try {
        await batchSlots.run(slot, () => this.invoke(delivery));
        handled.push(delivery);
      } catch (err) {
        await slot.rollBack();
        failed.push({ delivery, err });
      } finally {
        slot.close();
      }
    }
    let committed = true;
    try {
      await batch.commit();
    } catch (err) {
      committed = false;
      this.logger.warn({ msg: 'batch transaction failed; handling its messages one by one', service: this.options.service, reason: reasonOf(err) });
    }
    if (!committed) {
      // A handler that failed in a batch that failed may have met another message's error (a write
      // sent ahead fails the statement it went with): alone, each shows whether it fails itself.
      await Promise.all(deliveries.map((delivery) => this.handleAlone(delivery)));
      return;
    }
    this.outage.recovered();
    // A message that met an unreachable database (while the batch's connection was still fine) waits for it alone.
    await Promise.all(
      failed.map(({ delivery, err }) =>
        isDatabaseOutage(err) ? this.handleAlone(delivery) : this.retryOrDeadLetter(delivery.message, delivery.channel, delivery.routingKey, err, delivery.log),
      ),
    );
    for (const delivery of handled) {
      settle(delivery.channel, delivery.message, 'ack');
      this.logger.debug?.({ msg: 'event handled', ...delivery.log });
    }
  }

  private async retryOrDeadLetter(message: ConsumeMessage, channel: ConfirmChannel, routingKey: string, err: unknown, log: object): Promise<void> {
    const retries = retryCountOf(message.properties.headers?.[MessageHeaders.retryCount]);
    const decision = decideRetry(this.options.service, retries, this.retryDelaysMs);
    const reason = reasonOf(err);
    if (decision.action === 'dead-letter') {
      return this.deadLetter(message, channel, routingKey, `handler failed after ${retries} retries: ${reason}`, log);
    }
    this.logger.warn({ msg: 'handler failed; retrying later', ...log, retry: decision.retryCount, delayMs: decision.delayMs, reason });
    this.metrics?.retried(routingKey);
    await this.moveTo(decision.queue, message, channel, routingKey, { [MessageHeaders.retryCount]: decision.retryCount });
  }

  private async deadLetter(message: ConsumeMessage, channel: ConfirmChannel, routingKey: string, reason: string, log: object = {}): Promise<void> {
    this.logger.error({ msg: 'dead-lettering message', ...log, messageId: message.properties.messageId, routingKey, reason });
    this.metrics?.deadLettered(routingKey);
    await this.moveTo(this.queues.dead, message, channel, routingKey, { [MessageHeaders.deathReason]: reason });
  }

  /**
   * Puts a copy on another queue and acks the original only once the copy is confirmed. If the copy
   * fails, the original goes back to the queue: a message may then be handled twice (the inbox
   * absorbs that), but it is never lost.
   */
  private async moveTo(
    queue: string,
    message: ConsumeMessage,
    channel: ConfirmChannel,
    routingKey: string,
    extraHeaders: MessagePropertyHeaders,
  ): Promise<void> {
    const headers: MessagePropertyHeaders = { ...message.properties.headers, [MessageHeaders.originalRoutingKey]: routingKey, ...extraHeaders };
    for (const name of BROKER_HEADERS) delete headers[name];
    const { contentType, contentEncoding, messageId, correlationId, timestamp, type, appId } = message.properties;
    const options: Options.Publish = { contentType, contentEncoding, messageId, correlationId, timestamp, type, appId, headers, persistent: true };
    try {
      if (!this.channel) throw new Error('not connected');
      await this.channel.sendToQueue(queue, message.content, withoutUndefined(options));
    } catch (err) {
      this.logger.warn({ msg: `could not move message to ${queue}; requeueing it`, messageId, reason: reasonOf(err) });
      settle(channel, message, 'nack');
      return;
    }
    settle(channel, message, 'ack');
  }
}

/** `prepare`'s answer for an event of the service's own that no handler of it takes: acked and dropped. */
const OWN_EVENT_UNHANDLED = Symbol('own event, no handler');

/**
 * Settles on the channel the message came from: its delivery tag means nothing on any other, and
 * once that channel is gone the broker redelivers the message anyway.
 */
function settle(channel: ConfirmChannel, message: ConsumeMessage, how: 'ack' | 'nack'): void {
  try {
    if (how === 'ack') channel.ack(message);
    else channel.nack(message, false, true);
  } catch {
    // channel closed: nothing to settle
  }
}

/** Why the handlers of a consumer in the topology table (`subscriptions`) cannot start: they differ from its row. */
function subscriptionDrift(service: string, patterns: readonly string[]): string | undefined {
  if (!isSubscriber(service)) return undefined;
  const declared = new Set<string>(subscriptions[service]);
  const handled = new Set(patterns);
  const missing = [...handled].filter((pattern) => !declared.has(pattern));
  const extra = [...declared].filter((pattern) => !handled.has(pattern));
  if (missing.length === 0 && extra.length === 0) return undefined;
  return `${service}'s handlers and its row of libs/contracts/src/subscriptions.ts differ (handled, not in the table: ${missing.join(', ') || 'none'}; in the table, not handled: ${extra.join(', ') || 'none'}): publishers declare its queue from the table`;
}

/** Whether every handler of a pattern (Nest chains several through `next`) may run in a batch. */
function joinsBatches(handler: MessageHandler | undefined): boolean {
  for (let h = handler; h; h = h.next) if ((h.extras as EventHandlerExtras | undefined)?.batched === false) return false;
  return true;
}

function reasonOf(err: unknown): string {
  if (err instanceof EventContractError) {
    const issues = err.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
    return issues ? `${err.message}: ${issues}` : err.message;
  }
  if (err instanceof Error) return err.message;
  // Nest's exception filters turn a handler's error into a plain {status, message} object.
  if (typeof err === 'object' && err !== null) return JSON.stringify(err);
  return String(err);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
