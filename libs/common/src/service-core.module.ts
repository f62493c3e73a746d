import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard.js';
import { ServiceConfigModule } from './config/config.module.js';
import type { ServiceConfig } from './config/service-config.js';
import { DatabaseModule, type DatabaseOptions } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import type { ReadinessProbe } from './health/health.controller.js';
import { IdempotencyKeyRetention } from './idempotency/idempotency-key.retention.js';
import { loggingModule } from './logging/logging.module.js';
import { ObservabilityModule } from './metrics/observability.module.js';
import { ProblemDetailsFilter } from './problems/problem-details.filter.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { createValidationPipe } from './problems/validation.js';

export interface ServiceCoreOptions extends DatabaseOptions {
  readinessProbes?: Type<ReadinessProbe>[];
}

/** What every service has the same way: config, logs, its schema, health, metrics and traces, problems, validation, auth. */
@Module({})
export class ServiceCoreModule {
  static forRoot(config: ServiceConfig, options: ServiceCoreOptions): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [
        ServiceConfigModule.forRoot(config),
        loggingModule(config),
        DatabaseModule.forService(options),
        HealthModule.forRoot(options.readinessProbes ?? []),
        ObservabilityModule.forService(config.service),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: createValidationPipe() },
        { provide: APP_GUARD, useClass: AuthGuard },
        // After the auth guard: a limit may count by caller.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        IdempotencyKeyRetention,
      ],
      exports: [IdempotencyKeyRetention],
    };
  }
}
