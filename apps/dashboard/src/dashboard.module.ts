import { ServiceCoreModule, type ServiceConfig } from '#common';
import { BrokerConnection, MessagingModule } from '#messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { CountersModule } from './counters/counters.module.js';
import { EventLogModule } from './event-log/event-log.module.js';
import { dashboardMigrations } from './migrations/index.js';
import { type StreamOptions } from './stream/stream.service.js';
import { ReportModule } from './report/report.module.js';
import { StreamModule } from './stream/stream.module.js';
import { SummaryModule } from './summary/summary.module.js';
import { WebModule } from './web/web.module.js';

export type DashboardOptions = StreamOptions;

@Module({})
export class DashboardModule {
  static forRoot(config: ServiceConfig, options: DashboardOptions = {}): DynamicModule {
    return {
      module: DashboardModule,
      imports: [
        ServiceCoreModule.forRoot(config, { entities: [], migrations: dashboardMigrations, readinessProbes: [BrokerConnection] }),
        // No producer: the dashboard publishes nothing, so it has an inbox and no outbox.
        MessagingModule.forService({ service: config.service, rabbitmqUrl: config.rabbitmqUrl, exchange: config.exchange }),
        EventLogModule,
        CountersModule,
        SummaryModule,
        ReportModule,
        StreamModule.forRoot(options),
        WebModule,
      ],
    };
  }
}
