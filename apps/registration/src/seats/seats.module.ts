import { Module } from '@nestjs/common';
import { RegistrationEvents } from './registration.events.js';
import { SeatsRepository } from './seats.repository.js';
import { SeatsService } from './seats.service.js';

/** The floor registrations, settings and participant data share: the seats, and a registration's announcement. */
@Module({ providers: [SeatsService, SeatsRepository, RegistrationEvents], exports: [SeatsService, RegistrationEvents] })
export class SeatsModule {}
