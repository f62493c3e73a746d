import type { ServiceApplicationOptions, ServiceConfig } from '#common';
import { AmqpEventsServer } from '#messaging';
import type { DynamicModule } from '@nestjs/common';
import { SchedulingModule } from './scheduling.module.js';

/** How scheduling is put together, for `main.ts` and for tests that run it in-process. */
export function schedulingApplication(config: ServiceConfig): { module: DynamicModule; options: ServiceApplicationOptions } {
  return {
    module: SchedulingModule.forRoot(config),
    options: {
      title: 'mission-hub scheduling',
      description: 'Missions, their programme (venues, sessions, releases, agendas), enrolment and matchmaking.',
      // Consumes registration's events for its own read model of the participants.
      transport: new AmqpEventsServer({ url: config.rabbitmqUrl, exchange: config.exchange, service: config.service }),
    },
  };
}
