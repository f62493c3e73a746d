import type amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '#contracts';
import { connectToFirstBroker } from '#messaging';
import { eventually } from './eventually.js';

/** The type of the tap's own markers (`caughtUp`), sent to its queue only and never counted as events. */
const MARKER = 'mission-hub.test.tap-marker';

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
  private consuming?: { channel: amqp.Channel; queue: string };
  private readonly markersSeen = new Set<string>();
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
    // The first node that answers, where the run's broker is a cluster.
    const connection = await connectToFirstBroker(this.url);
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
        if (message?.properties.type === MARKER) this.markersSeen.add(message.properties.messageId);
        else if (message) this.events.push(JSON.parse(message.content.toString()));
      },
      { noAck: true },
    );
    this.consuming = { channel, queue };
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

  /**
   * Resolves once the tap has seen every event that was on its queue when called (every event whose
   * publish the broker had confirmed by then): a marker sent to the queue after them comes out after
   * them. Not across a cut of the tap's connection, which loses the marker with the queue.
   */
  async caughtUp(timeoutMs = 15_000): Promise<void> {
    if (!this.consuming) throw new Error('the tap is not consuming');
    const marker = randomUUID();
    this.consuming.channel.sendToQueue(this.consuming.queue, Buffer.alloc(0), { type: MARKER, messageId: marker });
    await eventually(() => this.markersSeen.has(marker), { timeoutMs, what: 'the tap to catch up with its queue' });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection?.close().catch(() => undefined);
  }
}
