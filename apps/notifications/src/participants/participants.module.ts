import { Module } from '@nestjs/common';
import { MissionEventsHandler } from './mission-events.handler.js';
import { ParticipantsRepository } from './participants.repository.js';

/** The participant directory: notifications' read model of registrations, kept by registration mail's events (and scheduling's mission.updated). */
@Module({
  controllers: [MissionEventsHandler],
  providers: [ParticipantsRepository],
  exports: [ParticipantsRepository],
})
export class ParticipantsModule {}
