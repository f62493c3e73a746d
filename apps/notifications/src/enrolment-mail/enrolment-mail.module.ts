import { Module } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module.js';
import { EnrolmentEventsHandler } from './enrolment-events.handler.js';
import { EnrolmentMailService } from './enrolment-mail.service.js';

/** Each participant's place in the sessions they enrol in, mailed as it changes. */
@Module({ imports: [ParticipantsModule], controllers: [EnrolmentEventsHandler], providers: [EnrolmentMailService] })
export class EnrolmentMailModule {}
