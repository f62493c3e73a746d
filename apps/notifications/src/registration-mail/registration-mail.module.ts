import { Module } from '@nestjs/common';
import { RegistrationMailService } from './registration-mail.service.js';

/** The e-mail that tells a participant the outcome of their registration; the participant directory's handler asks for it. */
@Module({ providers: [RegistrationMailService], exports: [RegistrationMailService] })
export class RegistrationMailModule {}
