import { Module } from '@nestjs/common';
import { CountersProjector } from './counters.projector.js';
import { MeetingEventsHandler } from './meeting-events.handler.js';
import { MouEventsHandler } from './mou-events.handler.js';
import { NotificationEventsHandler } from './notification-events.handler.js';
import { RegistrationEventsHandler } from './registration-events.handler.js';
import { SessionEventsHandler } from './session-events.handler.js';
import { SummaryController } from './summary.controller.js';
import { SummaryService } from './summary.service.js';

@Module({
  controllers: [SummaryController],
  providers: [
    CountersProjector,
    RegistrationEventsHandler,
    SessionEventsHandler,
    MouEventsHandler,
    NotificationEventsHandler,
    MeetingEventsHandler,
    SummaryService,
  ],
  exports: [CountersProjector],
})
export class CountersModule {}
