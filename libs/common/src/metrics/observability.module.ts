import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Tracing } from '../tracing/tracing.js';
import { Metrics } from './metrics.js';

/** The application instance's metrics registry and tracer, for any provider that records into them. */
@Global()
@Module({})
export class ObservabilityModule {
  static forService(service: string): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      providers: [
        { provide: Metrics, useFactory: () => new Metrics(service) },
        { provide: Tracing, useFactory: () => new Tracing(service) },
      ],
      exports: [Metrics, Tracing],
    };
  }
}
