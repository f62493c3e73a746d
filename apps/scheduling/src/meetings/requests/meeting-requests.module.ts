import { IdempotencyInterceptor } from '#common';
import { Module } from '@nestjs/common';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';

/** Meeting requests and their answers; the service is exported for a participant who leaves, the repository for the runs. */
@Module({
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingsRepository, IdempotencyInterceptor],
  exports: [MeetingsService, MeetingsRepository],
})
export class MeetingRequestsModule {}
