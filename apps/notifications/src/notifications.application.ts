import type { ServiceApplicationOptions, ServiceConfig } from '#common';
import { AmqpEventsServer } from '#messaging';
import type { DynamicModule } from '@nestjs/common';
import { NotificationsModule, type NotificationsOptions } from './notifications.module.js';

/** How notifications is put together, for `main.ts` and for tests that run it in-process. */
export function notificationsApplication(
  config: ServiceConfig,
  options: NotificationsOptions = {},
): { module: DynamicModule; options: ServiceApplicationOptions } {
  return {
    module: NotificationsModule.forRoot(config, options),
    options: {
      title: 'mission-hub notifications',
      description: 'Who is told what, in which language, over which channel; the delivery log.',
      // Two batches at once: while one waits for its round trips (most of its writes go with its COMMIT), the other is
      // prepared; none of their writes is shared but the rows of one registration, which they take in turn.
      transport: new AmqpEventsServer({ url: config.rabbitmqUrl, exchange: config.exchange, service: config.service, concurrentBatches: 2 }),
    },
  };
}
