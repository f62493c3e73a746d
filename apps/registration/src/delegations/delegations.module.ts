import { Module } from '@nestjs/common';
import { MissionsModule } from '../missions/missions.module.js';
import { SeatsModule } from '../seats/seats.module.js';
import { DelegationsController } from './delegations.controller.js';
import { DelegationsRepository } from './delegations.repository.js';
import { DelegationsService } from './delegations.service.js';

/** A mission's delegations; settings (the deprecated quotas map) and participant data (erasure) use the service. */
@Module({
  imports: [SeatsModule, MissionsModule],
  controllers: [DelegationsController],
  providers: [DelegationsService, DelegationsRepository],
  exports: [DelegationsService],
})
export class DelegationsModule {}
