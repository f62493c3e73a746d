import { ServiceCoreModule, type ServiceConfig } from '#common';
import { BrokerConnection, MessagingModule } from '#messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { schedulingMigrations } from './migrations/index.js';
import { MissionEntity } from './missions/mission.entity.js';
import { MissionsModule } from './missions/missions.module.js';
import { EnrolmentEntity } from './enrolments/enrolment.entity.js';
import { ParticipantEntity } from './participants/participant.entity.js';
import { ParticipantTokensModule } from './participants/participant-tokens.module.js';
import { MatchmakingProfileEntity } from './meetings/profiles/profile.entity.js';
import { MatchmakingProfilesModule } from './meetings/profiles/profiles.module.js';
import { MeetingEntity } from './meetings/requests/meeting.entity.js';
import { MeetingRequestsModule } from './meetings/requests/meeting-requests.module.js';
import { MatchmakingRunEntity, MeetingBlockEntity, UnavailabilityEntity } from './meetings/runs/run.entity.js';
import { MeetingRunsModule } from './meetings/runs/meeting-runs.module.js';
import { MeetingTimetablesModule } from './meetings/timetables/timetables.module.js';
import { ProgrammeModule } from './programme.module.js';
import { SessionEntity } from './sessions/session.entity.js';
import { TransferTimeEntity, VenueEntity } from './venues/venue.entity.js';

@Module({})
export class SchedulingModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: SchedulingModule,
      imports: [
        ServiceCoreModule.forRoot(config, {
          entities: [
            MissionEntity,
            VenueEntity,
            TransferTimeEntity,
            SessionEntity,
            ParticipantEntity,
            EnrolmentEntity,
            MatchmakingProfileEntity,
            MeetingEntity,
            MeetingBlockEntity,
            UnavailabilityEntity,
            MatchmakingRunEntity,
          ],
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
        MeetingRequestsModule,
        MeetingRunsModule,
        MeetingTimetablesModule,
      ],
    };
  }
}
