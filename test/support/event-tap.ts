import amqp from 'amqplib';
import type { CloudEvent } from '#contracts';
import { eventually } from './eventually.js';

/**
 * Listens to every event on the run's exchange through its own exclusive queue, the way an outside
 * subscriber would, so tests can wait for events instead of sleeping.
 */
export class EventTap {
  readonly events: CloudEvent[] = [];
  private connection?: amqp.ChannelModel;

  constructor(
    private readonly url: string,
    private readonly exchange: string,
  ) {}

  async start(): Promise<this> {
    this.connection = await amqp.connect(this.url);
    const channel = await this.connection.createChannel();
    await channel.assertExchange(this.exchange, 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, this.exchange, '#');
    await channel.consume(
      queue,
      (message) => {
        if (message) this.events.push(JSON.parse(message.content.toString()));
      },
      { noAck: true },
    );
    return this;
  }

  ofType(type: string, filter: (event: CloudEvent) => boolean = () => true): CloudEvent[] {
    return this.events.filter((event) => event.type === type && filter(event));
  }

  waitFor(type: string, filter: (event: CloudEvent) => boolean = () => true, timeoutMs = 15_000): Promise<CloudEvent> {
    return eventually(() => this.events.find((event) => event.type === type && filter(event)), { timeoutMs, what: `event ${type}` });
  }

  async stop(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
  }
}
