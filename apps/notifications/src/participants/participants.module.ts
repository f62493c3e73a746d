import { Module } from '@nestjs/common';
import { RegistrationMailModule } from '../registration-mail/registration-mail.module.js';
import { ParticipantDirectory } from './participant-directory.js';
import { MissionEventsHandler } from './mission-events.handler.js';
import { DirectoryEventsHandler } from './registration-events.handler.js';

/** The participant directory: notifications' read model of registrations, fed by registration's events (and scheduling's mission.updated). */
@Module({
  imports: [RegistrationMailModule],
  controllers: [DirectoryEventsHandler, MissionEventsHandler],
  providers: [ParticipantDirectory],
  exports: [ParticipantDirectory],
})
export class ParticipantsModule {}
