import type { ServiceApplicationOptions, ServiceConfig } from '#common';
import type { DynamicModule } from '@nestjs/common';
import { SchedulingModule } from './scheduling.module.js';

/** How scheduling is put together, for `main.ts` and for tests that run it in-process. */
export function schedulingApplication(config: ServiceConfig): { module: DynamicModule; options: ServiceApplicationOptions } {
  return {
    module: SchedulingModule.forRoot(config),
    options: { title: 'mission-hub scheduling', description: 'Missions, their programme, enrolment and matchmaking.' },
  };
}
