import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController, READINESS_PROBES, type ReadinessProbe } from './health.controller.js';

@Module({})
export class HealthModule {
  /** `probes` are providers available in the application (e.g. the broker connection), shown by the health calls. */
  static forRoot(probes: Type<ReadinessProbe>[] = []): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [{ provide: READINESS_PROBES, inject: probes, useFactory: (...found: ReadinessProbe[]) => found }],
    };
  }
}
