import { Module } from '@nestjs/common';
import { DelegationsModule } from '../delegations/delegations.module.js';
import { MissionsModule } from '../missions/missions.module.js';
import { RegistrationsModule } from '../registrations/registrations.module.js';
import { SeatsModule } from '../seats/seats.module.js';
import { ParticipantDataController } from './participant-data.controller.js';
import { ParticipantDataService } from './participant-data.service.js';

@Module({
  imports: [RegistrationsModule, SeatsModule, MissionsModule, DelegationsModule],
  controllers: [ParticipantDataController],
  providers: [ParticipantDataService],
})
export class ParticipantDataModule {}
