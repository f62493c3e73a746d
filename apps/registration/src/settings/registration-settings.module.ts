import { Module } from '@nestjs/common';
import { DelegationsModule } from '../delegations/delegations.module.js';
import { MissionsModule } from '../missions/missions.module.js';
import { SeatsModule } from '../seats/seats.module.js';
import { RegistrationFormController } from './registration-form.controller.js';
import { RegistrationSettingsController } from './registration-settings.controller.js';
import { RegistrationSettingsRepository } from './registration-settings.repository.js';
import { RegistrationSettingsService } from './registration-settings.service.js';

@Module({
  imports: [SeatsModule, MissionsModule, DelegationsModule],
  controllers: [RegistrationSettingsController, RegistrationFormController],
  providers: [RegistrationSettingsService, RegistrationSettingsRepository],
})
export class RegistrationSettingsModule {}
