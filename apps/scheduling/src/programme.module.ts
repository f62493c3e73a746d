import { IdempotencyInterceptor } from '#common';
import { Module } from '@nestjs/common';
import { AgendaController } from './agenda/agenda.controller.js';
import { AgendaService } from './agenda/agenda.service.js';
import { EnrolmentsController } from './enrolments/enrolments.controller.js';
import { EnrolmentsRepository } from './enrolments/enrolments.repository.js';
import { EnrolmentsService } from './enrolments/enrolments.service.js';
import { SessionSeatsService } from './enrolments/session-seats.service.js';
import { MeetingRequestsModule } from './meetings/requests/meeting-requests.module.js';
import { MeetingTimetablesModule } from './meetings/timetables/timetables.module.js';
import { MissionsModule } from './missions/missions.module.js';
import { ProgrammeRepository } from './programme/programme.repository.js';
import { RegistrationEventsHandler } from './registrations/registration-events.handler.js';
import { ReleasesController } from './releases/releases.controller.js';
import { ReleasesRepository } from './releases/releases.repository.js';
import { ReleasesService } from './releases/releases.service.js';
import { SessionStructure } from './sessions/session-structure.service.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { VenuesController } from './venues/venues.controller.js';
import { VenuesRepository } from './venues/venues.repository.js';
import { VenuesService } from './venues/venues.service.js';

/**
 * A mission's programme: venues and transfer times, sessions, enrolment (with the participants read
 * model fed by registration's events), releases, and the agendas. One module, since every part
 * shares the sessions' seats and locks.
 */
@Module({
  imports: [MissionsModule, MeetingRequestsModule, MeetingTimetablesModule],
  controllers: [VenuesController, SessionsController, EnrolmentsController, ReleasesController, AgendaController, RegistrationEventsHandler],
  providers: [
    ProgrammeRepository,
    VenuesRepository,
    VenuesService,
    SessionsRepository,
    SessionsService,
    SessionStructure,
    EnrolmentsRepository,
    SessionSeatsService,
    EnrolmentsService,
    ReleasesRepository,
    ReleasesService,
    AgendaService,
    IdempotencyInterceptor,
  ],
})
export class ProgrammeModule {}
