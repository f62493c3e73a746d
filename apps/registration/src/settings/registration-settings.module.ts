import { Module } from '@nestjs/common';
import { RegistrationsModule } from '../registrations/registrations.module.js';
import { RegistrationFormController } from './registration-form.controller.js';
import { RegistrationSettingsController } from './registration-settings.controller.js';
import { RegistrationSettingsService } from './registration-settings.service.js';

@Module({ imports: [RegistrationsModule], controllers: [RegistrationSettingsController, RegistrationFormController], providers: [RegistrationSettingsService] })
export class RegistrationSettingsModule {}
