import { Module } from '@nestjs/common';
import { AddressLimit } from './address-limit.js';
import { ParticipantAccessController } from './participant-access.controller.js';
import { ParticipantAccessService } from './participant-access.service.js';

/** Participant links: sign-in with an e-mailed link, "send me my link again", revocation. */
@Module({
  controllers: [ParticipantAccessController],
  providers: [ParticipantAccessService, AddressLimit],
})
export class ParticipantAccessModule {}
