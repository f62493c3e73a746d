import { IdempotencyInterceptor, ServiceCoreModule, type ServiceConfig } from '#common';
import { BrokerConnection, MessagingModule } from '#messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { parseReminderOffsets } from './action-plans/action-plan.rules.js';
import { ActionPlansController } from './action-plans/action-plans.controller.js';
import { ActionPlansRepository } from './action-plans/action-plans.repository.js';
import { ACTION_PLAN_OPTIONS, ActionPlansService } from './action-plans/action-plans.service.js';
import { MilestoneRemindersService } from './action-plans/milestone-reminders.service.js';
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
  /** How long before a plan milestone's due date its reminders come (default ACTION_PLAN_REMINDERS, else 7 days and 1 day). */
  reminderOffsetsMs?: readonly number[];
  /** How often reminders due are looked for (default the `action-plan-reminders` periodic job's period, else 60 s). */
  reminderIntervalMs?: number;
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
      controllers: [MousController, VersionsController, FollowUpController, ActionPlansController, ParticipantEventsHandler, MeetingEventsHandler],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: FOLLOW_UP_OPTIONS, useValue: { intervalMs: options.followUpIntervalMs ?? config.periodicJobs['mou-follow-up'] ?? 60_000 } },
        {
          provide: ACTION_PLAN_OPTIONS,
          useValue: {
            reminderOffsetsMs: options.reminderOffsetsMs ?? parseReminderOffsets(process.env.ACTION_PLAN_REMINDERS ?? '7d,1d'),
            reminderIntervalMs: options.reminderIntervalMs ?? config.periodicJobs['action-plan-reminders'] ?? 60_000,
          },
        },
        ActionPlansService,
        ActionPlansRepository,
        MilestoneRemindersService,
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
