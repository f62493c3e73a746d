import { Module } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module.js';
import { TimetableEventsHandler } from './timetable-events.handler.js';

/** Each participant's meeting timetable, mailed when a scheduling run publishes it. */
@Module({ imports: [ParticipantsModule], controllers: [TimetableEventsHandler] })
export class MeetingTimetableMailModule {}
