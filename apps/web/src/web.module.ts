import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { consoleControllers } from './console/console.controllers.js';
import { WebHealthController } from './health/health.controller.js';
import { MissionController } from './mission/mission.controller.js';
import { RegisterController } from './registration/register.controller.js';
import { PageErrorsFilter } from './kit/page-errors.filter.js';
import { ServiceApi } from './kit/service-api.js';
import { WEB_CONFIG } from './web-config.provider.js';
import type { WebConfig } from './web-config.js';
import { webLoggingModule } from './web-logging.js';

/** The pages of each area, one line each: an area adds its controllers here and nothing else. */
const pageControllers: Type[] = [WebHealthController, MissionController, RegisterController, ...consoleControllers];

@Module({})
export class WebModule {
  static forRoot(config: WebConfig): DynamicModule {
    return {
      module: WebModule,
      imports: [webLoggingModule(config)],
      controllers: pageControllers,
      providers: [{ provide: WEB_CONFIG, useValue: config }, ServiceApi, { provide: APP_FILTER, useClass: PageErrorsFilter }],
    };
  }
}
