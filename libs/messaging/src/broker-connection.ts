import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type LoggerService, type OnModuleInit } from '@nestjs/common';
import amqp, { type AmqpConnectionManager } from 'amqp-connection-manager';
import amqplib, { type ConfirmChannel, type Message, type Options } from 'amqplib';
import type { ReadinessProbe } from '#common';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';
import { assertDeploymentTopology, UNROUTABLE } from './topology.js';

const DEFAULT_PUBLISH_TIMEOUT_MS = 5000;
/** First pause before the publishing channel is opened again after it failed; it doubles up to the last. */
const REOPEN_DELAYS_MS = { first: 250, max: 15_000 };

/** What `/health/ready` and `/health/broker` say about the broker. */
export interface BrokerStatus {
  connection: 'up' | 'down';
  publishingChannel: 'open' | 'closed';
  /** Since when the publishing channel is in its state. */
  since: string;
  /** Why it was last closed or could not be opened. */
  lastChannelError?: string;
  /** Times the channel was opened again after it closed while the connection stayed up. */
  channelRecoveries: number;
  /** Events no queue was bound to, kept in `mission-hub.unroutable` since this instance started. */
  unroutableKept: number;
  /** Seconds since the oldest event of the outbox still to publish was written (0: none waits). */
  oldestUnpublishedSeconds?: number | null;
}

/**
 * The service's publishing connection to RabbitMQ. amqp-connection-manager reconnects the
 * connection; this class keeps one confirm channel open on it, and opens another, with back-off,
 * when the broker closes it while the connection stays up (a refused publish, a permission change,
 * an oversized message): amqp-connection-manager's own channel would stay closed until the whole
 * connection dropped. Every (re)opened channel declares the deployment's topology before its first
 * publish. Publishes are `mandatory` and resolve only on the broker's confirm; one the broker could
 * route nowhere is kept in `mission-hub.unroutable` before it resolves.
 */
@Injectable()
export class BrokerConnection implements OnModuleInit, ReadinessProbe {
  /** Name under which /health reports the broker. */
  readonly probeName = 'broker';
  private readonly logger: LoggerService = new Logger(BrokerConnection.name);
  private manager?: AmqpConnectionManager;
  private channel?: ConfirmChannel;
  private opening = false;
  private closing = false;
  private reopenDelayMs = REOPEN_DELAYS_MS.first;
  private reopenTimer?: NodeJS.Timeout;
  /** Publishes waiting for an open channel. */
  private readonly waiting = new Set<() => void>();
  /** Message ids the broker returned as unroutable; their confirm follows the return. */
  private readonly returned = new Map<string, Message>();
  private state: { open: boolean; since: Date; lastError?: string } = { open: false, since: new Date() };
  private recoveries = 0;
  /** The last channel was closed by the broker while the connection stayed up. */
  private recovering = false;
  private unroutableKept = 0;
  private outboxAge?: () => Promise<number | null>;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  onModuleInit(): void {
    // Not awaited: a service starts without the broker; its outbox keeps the events meanwhile.
    this.closing = false;
    this.manager = connectToBroker(this.options.rabbitmqUrl, this.logger, 'publisher');
    this.manager.on('connect', () => void this.open());
    this.manager.on('disconnect', () => {
      this.recovering = false;
      this.channelGone(undefined, 'connection lost');
    });
  }

  isConnected(): boolean {
    return this.manager?.isConnected() ?? false;
  }

  /** Connected with an open publishing channel: what `/health/broker` answers 200 for. */
  isReady(): boolean {
    return this.isConnected() && this.channel !== undefined;
  }

  /** The relay tells how old the oldest unpublished outbox row is. */
  reportOutboxWith(age: () => Promise<number | null>): void {
    this.outboxAge = age;
  }

  async describe(): Promise<BrokerStatus> {
    const status: BrokerStatus = {
      connection: this.isConnected() ? 'up' : 'down',
      publishingChannel: this.channel ? 'open' : 'closed',
      since: this.state.since.toISOString(),
      ...(this.state.lastError ? { lastChannelError: this.state.lastError } : {}),
      channelRecoveries: this.recoveries,
      unroutableKept: this.unroutableKept,
    };
    if (this.outboxAge) status.oldestUnpublishedSeconds = await this.outboxAge().catch(() => null);
    return status;
  }

  /**
   * Resolves once the broker has confirmed the message (and, were it unroutable, kept it); rejects
   * on a nack, a closed channel, or when no channel could take it within the publish timeout.
   */
  async publish(routingKey: string, content: Buffer, options: Options.Publish): Promise<void> {
    if (!this.manager) throw new Error('BrokerConnection is not initialised');
    const deadline = Date.now() + (this.options.relay?.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS);
    const messageId = typeof options.messageId === 'string' ? options.messageId : randomUUID();
    const channel = await this.openChannel(deadline);
    await confirmed(deadline, (done) => channel.publish(this.options.exchange, routingKey, content, { ...options, messageId, mandatory: true }, done));
    const returned = this.returned.get(messageId);
    if (!returned) return;
    // The return came before the confirm: no queue took the event. Kept before it counts as published.
    this.returned.delete(messageId);
    await confirmed(deadline, (done) => channel.publish(UNROUTABLE.exchange, routingKey, content, { ...options, messageId, persistent: true }, done));
    this.unroutableKept++;
    this.logger.warn({ msg: `no queue is bound to ${routingKey}: the event is kept in ${UNROUTABLE.queue}`, eventId: messageId, type: routingKey });
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reopenTimer);
    await this.manager?.close();
  }

  /** Opens the publishing channel on the current connection and declares the topology; on failure, tries again later. */
  private async open(): Promise<void> {
    const connection = this.manager?.connection;
    // Without a connection, amqp-connection-manager's 'connect' opens the channel once there is one.
    if (this.closing || this.opening || this.channel || !connection || !this.manager?.isConnected()) return;
    this.opening = true;
    let channel: ConfirmChannel | undefined;
    try {
      channel = await connection.createConfirmChannel();
      const opened = channel;
      // Unheard, a channel error is rethrown inside amqplib and takes the whole connection down with it.
      opened.on('error', (err: Error) => (this.state.lastError = err.message));
      opened.on('return', (message: Message) => {
        if (typeof message.properties.messageId === 'string') this.returned.set(message.properties.messageId, message);
      });
      opened.once('close', () => this.channelGone(opened, this.state.lastError ?? 'channel closed'));
      await assertDeploymentTopology(opened, this.options.exchange);
      if (this.closing || this.manager?.connection !== connection) throw new Error('connection replaced while opening the channel');
      this.channel = opened;
      this.state = { open: true, since: new Date(), lastError: this.state.lastError };
      this.reopenDelayMs = REOPEN_DELAYS_MS.first;
      if (this.recovering) {
        this.recovering = false;
        this.recoveries++;
        this.logger.log({ msg: 'publishing channel open again', after: this.state.lastError });
      }
      for (const wake of [...this.waiting]) wake();
    } catch (err) {
      this.state.lastError = err instanceof Error ? err.message : String(err);
      this.logger.warn({ msg: 'publishing channel could not be opened; trying again', reason: this.state.lastError, retryInMs: this.reopenDelayMs });
      await channel?.close().catch(() => undefined);
      this.scheduleReopen();
    } finally {
      this.opening = false;
    }
  }

  /** The channel closed (or the whole connection did): publishes wait for the next one. */
  private channelGone(channel: ConfirmChannel | undefined, reason: string): void {
    if (channel && this.channel !== channel) return;
    const wasOpen = this.channel !== undefined;
    this.channel = undefined;
    this.returned.clear();
    if (wasOpen) this.state = { open: false, since: new Date(), lastError: reason };
    if (this.closing) return;
    if (!channel || !wasOpen) return;
    // A channel also closes when its connection does; only one closed alone needs opening again here.
    setTimeout(() => {
      if (this.closing || !this.manager?.isConnected()) return;
      this.recovering = true;
      this.logger.error({ msg: 'the broker closed the publishing channel; opening another', reason });
      this.scheduleReopen();
    }, 100).unref();
    // A lost connection: amqp-connection-manager reconnects, and its 'connect' opens a channel.
  }

  private scheduleReopen(): void {
    if (this.closing || this.reopenTimer) return;
    const delay = this.reopenDelayMs;
    this.reopenDelayMs = Math.min(this.reopenDelayMs * 2, REOPEN_DELAYS_MS.max);
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = undefined;
      void this.open();
    }, delay);
    this.reopenTimer.unref();
  }

  /** The open channel, or the one opened before `deadline`. */
  private async openChannel(deadline: number): Promise<ConfirmChannel> {
    while (!this.channel) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no publishing channel open${this.state.lastError ? ` (${this.state.lastError})` : ''}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiting.add(wake);
      });
    }
    return this.channel;
  }
}

/** Sends with `send` and waits for the broker's confirm, at most until `deadline`. */
function confirmed(deadline: number, send: (done: (err: unknown) => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no confirm from the broker in time')), Math.max(deadline - Date.now(), 0));
    try {
      send((err) => {
        clearTimeout(timer);
        if (err) reject(err instanceof Error ? err : new Error(`message nacked: ${String(err)}`));
        else resolve();
      });
    } catch (err) {
      // The channel closed under it: amqplib refuses to send at once.
      clearTimeout(timer);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** The brokers of `RABBITMQ_URL`: one, or a cluster's nodes, comma-separated. */
export function brokerUrls(url: string): string[] {
  return url
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A connection to the first of the brokers that answers, for the one-off commands (topology, dead letters). */
export async function connectToFirstBroker(url: string): Promise<amqplib.ChannelModel> {
  let lastError: unknown;
  for (const candidate of brokerUrls(url)) {
    try {
      return await amqplib.connect(candidate);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(`no broker of ${url} could be reached`);
}

/**
 * One connection manager per role, with the recovery settings the backbone relies on. With several
 * brokers (a cluster's nodes), amqp-connection-manager takes the next one at each attempt: a
 * connection lost with its node is made again to the next one that answers.
 */
export function connectToBroker(url: string, logger: LoggerService, role: string, reconnectSeconds = 1): AmqpConnectionManager {
  const manager = amqp.connect(brokerUrls(url), { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: reconnectSeconds });
  let failures = 0;
  manager.on('connect', () => {
    failures = 0;
    logger.log({ msg: `${role} connected to RabbitMQ` });
  });
  manager.on('disconnect', ({ err }: { err?: Error }) => logger.warn({ msg: `${role} disconnected from RabbitMQ; reconnecting`, reason: err?.message }));
  manager.on('connectFailed', ({ err }: { err: Error }) => {
    // Log the first failure and then now and again, not once a second for as long as the broker is down.
    if (failures++ % 30 === 0) logger.error({ msg: `${role} cannot connect to RabbitMQ; retrying`, reason: err.message, attempts: failures });
  });
  manager.on('blocked', ({ reason }: { reason: string }) => logger.warn({ msg: `RabbitMQ blocked the ${role} connection`, reason }));
  manager.on('unblocked', () => logger.log({ msg: `RabbitMQ unblocked the ${role} connection` }));
  return manager;
}
