import { ServiceCoreModule, type ServiceConfig } from '#common';
import { BrokerConnection, MessagingModule } from '#messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { schedulingMigrations } from './migrations/index.js';
import { MissionsModule } from './missions/missions.module.js';
import { ParticipantTokensModule } from './participants/participant-tokens.module.js';
import { MatchmakingPeopleModule } from './meetings/people/people.module.js';
import { MatchmakingProfilesModule } from './meetings/profiles/profiles.module.js';
import { MeetingRequestsModule } from './meetings/requests/meeting-requests.module.js';
import { MeetingRunsModule } from './meetings/runs/meeting-runs.module.js';
import { MeetingTimetablesModule } from './meetings/timetables/timetables.module.js';
import { ProgrammeModule } from './programme.module.js';
import { RemindersModule } from './reminders/reminders.module.js';

@Module({})
export class SchedulingModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: SchedulingModule,
      imports: [
        ServiceCoreModule.forRoot(config, {
          entities: [],
          migrations: schedulingMigrations,
          readinessProbes: [BrokerConnection],
        }),
        MessagingModule.forService({
          service: config.service,
          producer: 'scheduling',
          rabbitmqUrl: config.rabbitmqUrl,
          exchange: config.exchange,
        }),
        MissionsModule,
        ParticipantTokensModule,
        ProgrammeModule,
        MatchmakingProfilesModule,
        MatchmakingPeopleModule,
        MeetingRequestsModule,
        MeetingRunsModule,
        MeetingTimetablesModule,
        RemindersModule,
      ],
    };
  }
}
