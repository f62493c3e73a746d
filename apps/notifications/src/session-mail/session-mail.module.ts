import { Module } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module.js';
import { SessionEventsHandler } from './session-events.handler.js';
import { SessionMailService } from './session-mail.service.js';

@Module({ imports: [ParticipantsModule], controllers: [SessionEventsHandler], providers: [SessionMailService] })
export class SessionMailModule {}
