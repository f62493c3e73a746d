import { Module } from '@nestjs/common';
import { ParticipantDirectory } from './participant-directory.js';
import { DirectoryEventsHandler } from './registration-events.handler.js';

/** The participant directory: notifications' read model of registrations, fed by registration's events. */
@Module({ controllers: [DirectoryEventsHandler], providers: [ParticipantDirectory], exports: [ParticipantDirectory] })
export class ParticipantsModule {}
