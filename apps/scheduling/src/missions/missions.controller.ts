import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  CurrentIdempotencyKey,
  Idempotent,
  pageQuery,
  UuidParamPipe,
  type Caller,
  type IdempotencyKey,
  type PageQuery,
} from '#common';
import { Body, Controller, Get, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createMissionSchema, updateMissionSchema, type CreateMission, type MissionUpdate } from './mission.schema.js';
import { missionPage, missionView } from './mission.view.js';
import { MissionsService } from './missions.service.js';

const NO_SUCH_MISSION = 'No mission has this id.';

@ApiTags('missions')
@Controller('missions')
export class MissionsController {
  constructor(private readonly missions: MissionsService) {}

  @Post()
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The mission, as created; `mission.created` announces it.', standardSchema: missionView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'A field of the body, or the Idempotency-Key, is not valid; `errors` names each.')
  @ApiAccessProblems('The token is not an organiser of every mission (`missions: ["*"]`), the only one who may create a mission.')
  @ApiProblem(HttpStatus.CONFLICT, 'mission-code-taken', 'Another mission has this code.')
  create(
    @CurrentCaller() caller: Caller,
    @Body({ schema: createMissionSchema }) body: CreateMission,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.missions.create(caller, body, key);
  }

  /** Title, dates, time zone, themes; cities may be added. `mission.updated` when something changed. */
  @Patch(':id')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The mission as it is now (unchanged, and nothing announced, when the body changes nothing).', standardSchema: missionView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, a field of the body is not valid, or the mission would end before it starts; `errors` names each.',
  )
  @ApiAccessProblems('The token is not an organiser of this mission.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  @ApiProblem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'mission-city-kept',
    'The change removes or alters a city of the mission (`cities` names them); cities can only be added.',
  )
  update(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: updateMissionSchema }) body: MissionUpdate) {
    return this.missions.update(caller, id, body);
  }

  @Get()
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description: 'A page of the missions the token covers (every one for `missions: ["*"]`), latest start first.',
    standardSchema: missionPage,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'A query parameter (a cursor of another list, say) is not valid; `errors` names each.')
  @ApiAccessProblems('The token is a participant’s: the list is for organisers.')
  list(@CurrentCaller() caller: Caller, @Query({ schema: pageQuery.strict() }) query: PageQuery) {
    return this.missions.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The mission.', standardSchema: missionView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  get(@Param('id', new UuidParamPipe()) id: string) {
    return this.missions.get(id);
  }
}
