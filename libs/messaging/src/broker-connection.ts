import { Inject, Injectable, Logger, type LoggerService, type OnModuleInit } from '@nestjs/common';
import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, Options } from 'amqplib';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';
import { assertEventsExchange } from './topology.js';

const DEFAULT_PUBLISH_TIMEOUT_MS = 5000;

/**
 * The service's publishing connection to RabbitMQ. amqp-connection-manager reconnects on its own;
 * publishes go over a confirm channel and resolve only on the broker's confirm.
 */
@Injectable()
export class BrokerConnection implements OnModuleInit {
  /** Name under which /health/ready reports the broker (BrokerConnection is a readiness probe). */
  readonly probeName = 'broker';
  private readonly logger = new Logger(BrokerConnection.name);
  private manager?: AmqpConnectionManager;
  private channel?: ChannelWrapper;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  onModuleInit(): void {
    // Not awaited: a service starts without the broker and reports itself not ready until it is there.
    this.manager = connectToBroker(this.options.rabbitmqUrl, this.logger, 'publisher');
    this.channel = this.manager.createChannel({
      name: `${this.options.service}-publisher`,
      confirm: true,
      // Without a timeout, the wrapper buffers publishes in memory for as long as the broker is away.
      publishTimeout: this.options.relay?.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS,
      setup: (channel: ConfirmChannel) => assertEventsExchange(channel, this.options.exchange),
    });
    this.channel.on('error', (err: Error) => this.logger.error({ msg: 'publisher channel setup failed', err }));
  }

  isConnected(): boolean {
    return this.manager?.isConnected() ?? false;
  }

  isReady(): boolean {
    return this.isConnected();
  }

  /** Resolves once the broker has confirmed the message; rejects on a nack, a closed channel or a timeout. */
  async publish(routingKey: string, content: Buffer, options: Options.Publish): Promise<void> {
    if (!this.channel) throw new Error('BrokerConnection is not initialised');
    await this.channel.publish(this.options.exchange, routingKey, content, options);
  }

  async close(): Promise<void> {
    await this.manager?.close();
  }
}

/** One connection manager per role, with the recovery settings the backbone relies on. */
export function connectToBroker(url: string, logger: LoggerService, role: string, reconnectSeconds = 1): AmqpConnectionManager {
  const manager = amqp.connect([url], { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: reconnectSeconds });
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
