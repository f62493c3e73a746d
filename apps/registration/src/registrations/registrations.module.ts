import { IdempotencyInterceptor } from '#common';
import { Module } from '@nestjs/common';
import { MissionSeats } from './mission-seats.js';
import { ParticipantTokensModule } from './participant-tokens.module.js';
import { RegistrationEvents } from './registration.events.js';
import { RegistrationsController } from './registrations.controller.js';
import { RegistrationsService } from './registrations.service.js';

@Module({
  imports: [ParticipantTokensModule],
  controllers: [RegistrationsController],
  providers: [RegistrationsService, MissionSeats, RegistrationEvents, IdempotencyInterceptor],
  exports: [MissionSeats],
})
export class RegistrationsModule {}
