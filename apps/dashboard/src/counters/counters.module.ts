import { Module } from '@nestjs/common';
import { CountersProjection } from './counters.projection.js';
import { CountersRepository } from './counters.repository.js';
import { DelegationsProjection } from './delegations.projection.js';
import { MeetingsProjection } from './meetings.projection.js';
import { MousProjection } from './mous.projection.js';
import { NotificationsProjection } from './notifications.projection.js';
import { RegistrationsProjection } from './registrations.projection.js';
import { SessionsProjection } from './sessions.projection.js';

@Module({
  providers: [
    CountersRepository,
    CountersProjection,
    RegistrationsProjection,
    SessionsProjection,
    MousProjection,
    NotificationsProjection,
    MeetingsProjection,
    DelegationsProjection,
  ],
  exports: [CountersProjection, CountersRepository],
})
export class CountersModule {}
