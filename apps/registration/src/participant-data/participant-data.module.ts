import { Module } from '@nestjs/common';
import { RegistrationEvents } from '../registrations/registration.events.js';
import { RegistrationsModule } from '../registrations/registrations.module.js';
import { ParticipantDataController } from './participant-data.controller.js';
import { ParticipantDataService } from './participant-data.service.js';

@Module({
  imports: [RegistrationsModule],
  controllers: [ParticipantDataController],
  // RegistrationEvents holds no state; registrations does not export it, so this module has its own.
  providers: [ParticipantDataService, RegistrationEvents],
})
export class ParticipantDataModule {}
