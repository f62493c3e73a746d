import amqp from 'amqplib';
import { CLOUDEVENTS_CONTENT_TYPE, type CloudEvent } from '#contracts';
import type { TestSystem } from './system.js';

/**
 * Publishes events onto a run's exchange exactly as a producing service's outbox relay does
 * (routing key = type, CloudEvents content type, persistent, confirmed): the contract boundary,
 * for a consumer whose producer is not part of the test.
 */
export class EventProducer {
  /** One connection however many publish at once: the first publish opens it, the others wait for it. */
  private opened?: Promise<{ connection: amqp.ChannelModel; channel: amqp.ConfirmChannel }>;

  constructor(private readonly system: TestSystem) {}

  /** Resolves once the broker has confirmed the event, i.e. it is on every bound queue. */
  async publish(event: CloudEvent): Promise<void> {
    this.opened ??= amqp.connect(this.system.rabbitmqUrl).then(async (connection) => ({ connection, channel: await connection.createConfirmChannel() }));
    const { channel } = await this.opened;
    channel.publish(this.system.exchange, event.type, Buffer.from(JSON.stringify(event)), {
      contentType: CLOUDEVENTS_CONTENT_TYPE,
      persistent: true,
      messageId: event.id,
      type: event.type,
      correlationId: event.correlationid,
    });
    await channel.waitForConfirms();
  }

  async stop(): Promise<void> {
    const opened = await this.opened?.catch(() => undefined);
    await opened?.connection.close().catch(() => undefined);
  }
}
