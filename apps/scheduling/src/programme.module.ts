import { IdempotencyInterceptor } from '#common';
import { Module } from '@nestjs/common';
import { MeetingRequestsModule } from './meetings/requests/meeting-requests.module.js';
import { AgendaController } from './agenda/agenda.controller.js';
import { AgendaService } from './agenda/agenda.service.js';
import { EnrolmentsController } from './enrolments/enrolments.controller.js';
import { EnrolmentsService } from './enrolments/enrolments.service.js';
import { SessionSeats } from './enrolments/session-seats.js';
import { RegistrationEventsHandler } from './participants/registration-events.handler.js';
import { ReleasesController } from './releases/releases.controller.js';
import { ReleasesService } from './releases/releases.service.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsService } from './sessions/sessions.service.js';
import { VenuesController } from './venues/venues.controller.js';
import { VenuesService } from './venues/venues.service.js';

/**
 * A mission's programme: venues and transfer times, sessions, enrolment (with the participants read
 * model fed by registration's events), releases, and the agendas. One module, since every part
 * shares the sessions' seats and locks.
 */
@Module({
  imports: [MeetingRequestsModule],
  controllers: [VenuesController, SessionsController, EnrolmentsController, ReleasesController, AgendaController, RegistrationEventsHandler],
  providers: [VenuesService, SessionsService, SessionSeats, EnrolmentsService, ReleasesService, AgendaService, IdempotencyInterceptor],
})
export class ProgrammeModule {}
