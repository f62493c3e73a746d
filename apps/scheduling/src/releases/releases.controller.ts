import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReleasesService } from './releases.service.js';

@ApiTags('schedule releases')
@Controller('missions/:id/schedule/releases')
export class ReleasesController {
  constructor(private readonly releases: ReleasesService) {}

  /** Publishes the programme as it stands: release n+1, `schedule.published` with the changes since release n. */
  @Post()
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  publish(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string) {
    return this.releases.publish(caller, missionId);
  }

  /** Every release of the mission, the latest first; who published it, and changes to sessions by invitation only, as the caller may see them. */
  @Get()
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string) {
    return this.releases.list(caller, missionId);
  }
}
