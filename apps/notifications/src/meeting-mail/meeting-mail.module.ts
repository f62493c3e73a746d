import { Module } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module.js';
import { MeetingEventsHandler } from './meeting-events.handler.js';

@Module({ imports: [ParticipantsModule], controllers: [MeetingEventsHandler] })
export class MeetingMailModule {}
