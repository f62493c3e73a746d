import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  Idempotent,
  UuidParamPipe,
  type Caller,
  CurrentIdempotencyKey,
  type IdempotencyKey,
} from '#common';
import { Body, Controller, Get, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { releaseList, releaseView } from './release.view.js';
import { releaseSchema, type ReleaseInput } from './release.schema.js';
import { ReleasesService } from './releases.service.js';

const NO_SUCH_MISSION = 'No mission has this id.';

@ApiTags('schedule releases')
@Controller('missions/:id/schedule/releases')
export class ReleasesController {
  constructor(private readonly releases: ReleasesService) {}

  /** Publishes the programme as it stands, with an optional `note`: release n+1, `schedule.published` with the changes since release n. */
  @Post()
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({
    description: 'The release, with the changes since the one before; announced as `schedule.published`, and each session it adds as `session.scheduled`.',
    standardSchema: releaseView,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, the note is empty or too long, or the Idempotency-Key is not valid; `errors` names each.',
  )
  @ApiAccessProblems('The token is not an organiser of this mission.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  @ApiProblem(HttpStatus.CONFLICT, 'nothing-to-release', 'Nothing changed since the last release.')
  publish(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: releaseSchema }) body: ReleaseInput,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.releases.publish(caller, missionId, body?.note ?? null, key);
  }

  /** Every release of the mission, the latest first; who published it, and changes to sessions by invitation only, as the caller may see them. */
  @Get()
  @ApiOkResponse({
    description:
      "Every release of the mission. Who published it is for the mission's organisers only, and a change to a session by invitation only for them and the participants it concerns.",
    standardSchema: releaseList,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string) {
    return this.releases.list(caller, missionId);
  }
}
