import { PARTICIPANT_TOKEN_RESOLVER } from '#common';
import { Global, Module } from '@nestjs/common';
import { ParticipantsTokenResolver } from './participant-token.resolver.js';
import { ParticipantsRepository, PeopleRepository } from './participants.repository.js';

/** Global because the auth guard lives in ServiceCoreModule, which cannot import this service's modules; the repository goes with it. */
@Global()
@Module({
  providers: [ParticipantsRepository, PeopleRepository, { provide: PARTICIPANT_TOKEN_RESOLVER, useClass: ParticipantsTokenResolver }],
  exports: [PARTICIPANT_TOKEN_RESOLVER, ParticipantsRepository, PeopleRepository],
})
export class ParticipantTokensModule {}
