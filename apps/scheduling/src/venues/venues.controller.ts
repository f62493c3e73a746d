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
import { Body, Controller, Get, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createVenueSchema, transferTimeSchema, type CreateVenue, type TransferTime } from './venue.schema.js';
import { transferTimeList, transferTimeView, venueList, venueView } from './venue.view.js';
import { VenuesService } from './venues.service.js';

const NO_SUCH_MISSION = 'No mission has this id.';
const ORGANISERS_ONLY = 'The token is not an organiser of this mission.';

@ApiTags('venues')
@Controller('missions/:id')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Post('venues')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: "The venue, in the city's time zone unless the body names another.", standardSchema: venueView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    "The id is not a UUID, a field of the body or the Idempotency-Key is not valid, or `city` is not one of the mission's cities; `errors` names each.",
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  create(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: createVenueSchema }) body: CreateVenue,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.venues.create(caller, missionId, body, key);
  }

  @Get('venues')
  @ApiOkResponse({ description: "The mission's venues.", standardSchema: venueList })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  list(@Param('id', new UuidParamPipe()) missionId: string) {
    return this.venues.list(missionId);
  }

  /** The time a journey between two of the mission's cities takes, either way; set again to change it. */
  @Put('transfer-times')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The transfer time as set, which enrolments are checked against from now on.', standardSchema: transferTimeView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    "The id is not a UUID, a field of the body is not valid, or `between` names the same city twice or one that is not the mission's; `errors` names each.",
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  setTransferTime(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: transferTimeSchema }) body: TransferTime,
  ) {
    return this.venues.setTransferTime(caller, missionId, body);
  }

  @Get('transfer-times')
  @ApiOkResponse({ description: "The transfer times set between the mission's cities; a pair without one is not checked.", standardSchema: transferTimeList })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  transferTimes(@Param('id', new UuidParamPipe()) missionId: string) {
    return this.venues.transferTimes(missionId);
  }
}
