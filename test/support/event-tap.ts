import amqp from 'amqplib';
import type { CloudEvent } from '#contracts';
import { eventually } from './eventually.js';

/**
 * Listens to every event on the run's exchange through its own exclusive queue, the way an outside
 * subscriber would, so tests can wait for events instead of sleeping. When the broker drops its
 * connection (a test cutting the vhost's connections), it connects again with a new queue: events
 * published while it was away are not seen, so a test that cuts the broker asserts what happened
 * meanwhile through the services, not the tap.
 */
export class EventTap {
  readonly events: CloudEvent[] = [];
  private connection?: amqp.ChannelModel;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly exchange: string,
  ) {}

  async start(): Promise<this> {
    this.stopped = false;
    await this.connect();
    return this;
  }

  private async connect(): Promise<void> {
    const connection = await amqp.connect(this.url);
    this.connection = connection;
    connection.on('error', () => undefined);
    connection.once('close', () => {
      if (!this.stopped) void this.reconnect();
    });
    const channel = await connection.createChannel();
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
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 0; !this.stopped && attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      try {
        await this.connect();
        return;
      } catch {
        // the broker is still refusing (a test holding it down): try again
      }
    }
  }

  ofType(type: string, filter: (event: CloudEvent) => boolean = () => true): CloudEvent[] {
    return this.events.filter((event) => event.type === type && filter(event));
  }

  waitFor(type: string, filter: (event: CloudEvent) => boolean = () => true, timeoutMs = 15_000): Promise<CloudEvent> {
    return eventually(() => this.events.find((event) => event.type === type && filter(event)), { timeoutMs, what: `event ${type}` });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection?.close().catch(() => undefined);
  }
}
