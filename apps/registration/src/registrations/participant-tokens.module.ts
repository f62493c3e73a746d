import { PARTICIPANT_TOKEN_RESOLVER } from '#common';
import { Global, Module } from '@nestjs/common';
import { ParticipantTokensService } from './participant-tokens.service.js';
import { RegistrationsRepository } from './registrations.repository.js';

/** Global because the auth guard lives in ServiceCoreModule, which cannot import this service's modules. */
@Global()
@Module({
  providers: [RegistrationsRepository, { provide: PARTICIPANT_TOKEN_RESOLVER, useClass: ParticipantTokensService }],
  exports: [PARTICIPANT_TOKEN_RESOLVER],
})
export class ParticipantTokensModule {}
