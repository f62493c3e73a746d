import { IdempotencyInterceptor, ServiceCoreModule, type ServiceConfig } from '#common';
import { BrokerConnection, MessagingModule } from '#messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, systemClock, type Clock } from './clock.js';
import { FOLLOW_UP_OPTIONS, FollowUpCheckService } from './follow-up/follow-up-check.service.js';
import { FollowUpController } from './follow-up/follow-up.controller.js';
import { FollowUpRepository } from './follow-up/follow-up.repository.js';
import { FollowUpService } from './follow-up/follow-up.service.js';
import { HistoryRepository } from './history/history.repository.js';
import { HistoryService } from './history/history.service.js';
import { MeetingEventsHandler } from './meetings/meeting-events.handler.js';
import { MouMeetingsRepository } from './meetings/mou-meetings.repository.js';
import { mouRegistryMigrations } from './migrations/index.js';
import { MouRegisterService } from './mous/mou-register.service.js';
import { MouAccessService } from './mous/mou-access.service.js';
import { MousController } from './mous/mous.controller.js';
import { MousRepository } from './mous/mous.repository.js';
import { MousService } from './mous/mous.service.js';
import { ParticipantEventsHandler } from './participants/participant-events.handler.js';
import { ParticipantsRepository } from './participants/participants.repository.js';
import { ParticipantsService } from './participants/participants.service.js';
import { VersionsController } from './versions/versions.controller.js';
import { VersionsRepository } from './versions/versions.repository.js';
import { VersionsService } from './versions/versions.service.js';

export interface MouRegistryOptions {
  /** The registry's clock; tests pass one they can move. */
  clock?: Clock;
  /** How often overdue milestones and expired MoUs are looked for (default 60 s). */
  followUpIntervalMs?: number;
}

/** The MoU registry: the record, its versions and lifecycle, the audit trail, the follow-up and the public register. */
@Module({})
export class MouRegistryModule {
  static forRoot(config: ServiceConfig, options: MouRegistryOptions = {}): DynamicModule {
    return {
      module: MouRegistryModule,
      imports: [
        ServiceCoreModule.forRoot(config, { entities: [], migrations: mouRegistryMigrations, readinessProbes: [BrokerConnection] }),
        MessagingModule.forService({
          service: config.service,
          producer: 'mou-registry',
          rabbitmqUrl: config.rabbitmqUrl,
          exchange: config.exchange,
        }),
      ],
      controllers: [MousController, VersionsController, FollowUpController, ParticipantEventsHandler, MeetingEventsHandler],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: FOLLOW_UP_OPTIONS, useValue: { intervalMs: options.followUpIntervalMs ?? config.periodicJobs['mou-follow-up'] ?? 60_000 } },
        MousService,
        MousRepository,
        MouAccessService,
        MouRegisterService,
        HistoryService,
        HistoryRepository,
        ParticipantsService,
        ParticipantsRepository,
        MouMeetingsRepository,
        VersionsService,
        VersionsRepository,
        FollowUpService,
        FollowUpRepository,
        FollowUpCheckService,
        IdempotencyInterceptor,
      ],
    };
  }
}
