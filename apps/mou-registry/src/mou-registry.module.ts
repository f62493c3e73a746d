import { ServiceCoreModule, type ServiceConfig } from '#common';
import { BrokerConnection, MessagingModule } from '#messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { mouRegistryMigrations } from './migrations/index.js';

/** The MoU registry: only its backbone (schema, outbox, health) so far. */
@Module({})
export class MouRegistryModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: MouRegistryModule,
      imports: [
        ServiceCoreModule.forRoot(config, { entities: [], migrations: mouRegistryMigrations, readinessProbes: [BrokerConnection] }),
        MessagingModule.forService({
          service: config.service,
          producer: 'mou-registry',
          rabbitmqUrl: config.rabbitmqUrl,
          exchange: config.exchange,
          schema: config.schema,
        }),
      ],
    };
  }
}
