import { IdempotencyInterceptor } from '#common';
import { Module } from '@nestjs/common';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { RunsController } from './runs.controller.js';
import { RunsService } from './runs.service.js';

/** Meeting blocks' settings, declared unavailability, and the scheduling runs that place accepted meetings. */
@Module({ controllers: [AvailabilityController, RunsController], providers: [AvailabilityService, RunsService, IdempotencyInterceptor] })
export class MeetingRunsModule {}
