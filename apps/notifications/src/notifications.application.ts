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
      // Two batches at once: a batch waits on a few round trips per message (inbox, erasure lock, directory, mail queue),
      // and none of its writes is shared with another batch but the rows of one registration, which they take in turn.
      transport: new AmqpEventsServer({ url: config.rabbitmqUrl, exchange: config.exchange, service: config.service, concurrentBatches: 2 }),
    },
  };
}
