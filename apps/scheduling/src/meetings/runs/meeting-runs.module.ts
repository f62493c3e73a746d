import { IdempotencyInterceptor } from '#common';
import { Module } from '@nestjs/common';
import { MissionsModule } from '../../missions/missions.module.js';
import { ProgrammeRepository } from '../../programme/programme.repository.js';
import { MeetingRequestsModule } from '../requests/meeting-requests.module.js';
import { MeetingTimetablesModule } from '../timetables/timetables.module.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { RunsController } from './runs.controller.js';
import { RunsRepository } from './runs.repository.js';
import { RunsService } from './runs.service.js';

/** Meeting blocks' settings, declared unavailability, and the scheduling runs that place accepted meetings. */
@Module({
  imports: [MissionsModule, MeetingRequestsModule, MeetingTimetablesModule],
  controllers: [AvailabilityController, RunsController],
  providers: [AvailabilityService, RunsService, RunsRepository, ProgrammeRepository, IdempotencyInterceptor],
})
export class MeetingRunsModule {}
