import type { ServiceApplicationOptions, ServiceConfig } from '#common';
import { AmqpEventsServer } from '#messaging';
import type { DynamicModule } from '@nestjs/common';
import { DashboardModule, type DashboardOptions } from './dashboard.module.js';

/** How the dashboard is put together, for `main.ts` and for tests that run it in-process. */
export function dashboardApplication(config: ServiceConfig, options: DashboardOptions = {}): { module: DynamicModule; options: ServiceApplicationOptions } {
  return {
    module: DashboardModule.forRoot(config, options),
    options: {
      title: 'mission-hub dashboard',
      description: "The organisers' live view: each mission's event log, counters and server-sent-event stream.",
      transport: new AmqpEventsServer({ url: config.rabbitmqUrl, exchange: config.exchange, service: config.service }),
    },
  };
}
