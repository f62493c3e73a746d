import { BaseRpcContext } from '@nestjs/microservices';
import type { Channel, ConsumeMessage, MessagePropertyHeaders } from 'amqplib';

type AmqpEventContextArgs = [message: ConsumeMessage, channel: Channel, routingKey: string];

/** What an `@EventPattern` handler can learn about the delivery, via `@Ctx()`. */
export class AmqpEventContext extends BaseRpcContext<AmqpEventContextArgs> {
  getMessage(): ConsumeMessage {
    return this.args[0];
  }

  getChannel(): Channel {
    return this.args[1];
  }

  /** The event type the message was published under (also for retried copies). */
  getRoutingKey(): string {
    return this.args[2];
  }

  getHeaders(): MessagePropertyHeaders {
    return this.args[0].properties.headers ?? {};
  }

  /** `true` when the broker delivers the message again (e.g. after a lost connection). */
  isRedelivered(): boolean {
    return this.args[0].fields.redelivered;
  }
}
