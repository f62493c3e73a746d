import { PARTICIPANT_TOKEN_RESOLVER } from '#common';
import { Global, Module } from '@nestjs/common';
import { ParticipantsTokenResolver } from './participant-token.resolver.js';

/** Global because the auth guard lives in ServiceCoreModule, which cannot import this service's modules. */
@Global()
@Module({
  providers: [{ provide: PARTICIPANT_TOKEN_RESOLVER, useClass: ParticipantsTokenResolver }],
  exports: [PARTICIPANT_TOKEN_RESOLVER],
})
export class ParticipantTokensModule {}
