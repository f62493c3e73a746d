import { IdempotencyInterceptor } from '#common';
import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { MissionsModule } from '../missions/missions.module.js';
import { SeatsModule } from '../seats/seats.module.js';
import { ParticipantTokensModule } from './participant-tokens.module.js';
import { RegistrationsController } from './registrations.controller.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { RegistrationsService } from './registrations.service.js';

@Module({
  imports: [ParticipantTokensModule, SeatsModule, MissionsModule, CategoriesModule],
  controllers: [RegistrationsController],
  providers: [RegistrationsService, RegistrationsRepository, IdempotencyInterceptor],
  exports: [RegistrationsRepository],
})
export class RegistrationsModule {}
