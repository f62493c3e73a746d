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
      transport: new AmqpEventsServer({ url: config.rabbitmqUrl, exchange: config.exchange, service: config.service }),
    },
  };
}
