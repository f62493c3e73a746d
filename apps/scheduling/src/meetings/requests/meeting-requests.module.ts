import { IdempotencyInterceptor } from '#common';
import { Module } from '@nestjs/common';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';

/** Meeting requests and their answers; exported for the participants read model (a participant who leaves). */
@Module({ controllers: [MeetingsController], providers: [MeetingsService, IdempotencyInterceptor], exports: [MeetingsService] })
export class MeetingRequestsModule {}
