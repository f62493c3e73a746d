import { Module } from '@nestjs/common';
import { MissionsModule } from '../missions/missions.module.js';
import { ParticipantAccessController } from './participant-access.controller.js';
import { ParticipantAccessRepository } from './participant-access.repository.js';
import { ParticipantAccessService } from './participant-access.service.js';

/** Participant links: sign-in with an e-mailed link, "send me my link again", revocation. */
@Module({
  imports: [MissionsModule],
  controllers: [ParticipantAccessController],
  providers: [ParticipantAccessService, ParticipantAccessRepository],
})
export class ParticipantAccessModule {}
