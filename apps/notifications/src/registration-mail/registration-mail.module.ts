import { Module } from '@nestjs/common';
import { RegistrationEventsHandler } from './registration-events.handler.js';
import { RegistrationMailService } from './registration-mail.service.js';

@Module({ controllers: [RegistrationEventsHandler], providers: [RegistrationMailService] })
export class RegistrationMailModule {}
