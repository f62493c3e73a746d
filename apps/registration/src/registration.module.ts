import { ServiceCoreModule, type ServiceConfig } from '#common';
import { BrokerConnection, MessagingModule, type OutboxRelayOptions } from '#messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { ClosingRemindersModule } from './closing-reminders/closing-reminders.module.js';
import { registrationMigrations } from './migrations/index.js';
import { CategoriesModule } from './categories/categories.module.js';
import { DelegationsModule } from './delegations/delegations.module.js';
import { MissionsModule } from './missions/missions.module.js';
import { ParticipantAccessModule } from './participant-access/participant-access.module.js';
import { ParticipantDataModule } from './participant-data/participant-data.module.js';
import { RegistrationsModule } from './registrations/registrations.module.js';
import { RegistrationSettingsModule } from './settings/registration-settings.module.js';

export interface RegistrationOptions {
  /** The outbox relay's batch size and poll; tests set a poll that never comes, to see what only the shutdown drain publishes. */
  relay?: OutboxRelayOptions;
}

@Module({})
export class RegistrationModule {
  static forRoot(config: ServiceConfig, options: RegistrationOptions = {}): DynamicModule {
    return {
      module: RegistrationModule,
      imports: [
        ServiceCoreModule.forRoot(config, { entities: [], migrations: registrationMigrations, readinessProbes: [BrokerConnection] }),
        MessagingModule.forService({
          service: config.service,
          producer: 'registration',
          rabbitmqUrl: config.rabbitmqUrl,
          exchange: config.exchange,
          relay: options.relay,
        }),
        MissionsModule,
        DelegationsModule,
        RegistrationSettingsModule,
        CategoriesModule,
        RegistrationsModule,
        ParticipantDataModule,
        ParticipantAccessModule,
        ClosingRemindersModule,
      ],
    };
  }
}
