import { Module } from '@nestjs/common';
import { MeetingRequestsModule } from '../requests/meeting-requests.module.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';

/** Matchmaking for people: the directory of a mission's people, hiding from it, suggestions of whom to meet. */
@Module({ imports: [MeetingRequestsModule], controllers: [PeopleController], providers: [PeopleService] })
export class MatchmakingPeopleModule {}
