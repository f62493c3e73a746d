import { ServiceCoreModule, type ServiceConfig } from '#common';
import { BrokerConnection, MessagingModule } from '#messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { BroadcastsModule } from './broadcasts/broadcasts.module.js';
import { DeliveriesModule, type DeliveriesOptions } from './deliveries/deliveries.module.js';
import { notificationsMigrations } from './migrations/index.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

export type NotificationsOptions = Omit<DeliveriesOptions, 'mailSendLeaseMs'>;

@Module({})
export class NotificationsModule {
  static forRoot(config: ServiceConfig, options: NotificationsOptions = {}): DynamicModule {
    const deliveries = DeliveriesModule.forRoot({ ...options, mailSendLeaseMs: config.mailSendLeaseMs });
    return {
      module: NotificationsModule,
      imports: [
        ServiceCoreModule.forRoot(config, { entities: [], migrations: notificationsMigrations, readinessProbes: [BrokerConnection] }),
        MessagingModule.forService({
          service: config.service,
          producer: 'notifications',
          rabbitmqUrl: config.rabbitmqUrl,
          exchange: config.exchange,
        }),
        deliveries,
        ParticipantsModule,
        BroadcastsModule.forRoot(deliveries),
        WebhooksModule,
      ],
    };
  }
}
