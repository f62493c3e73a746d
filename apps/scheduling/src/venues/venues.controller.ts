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
import { Body, Controller, Get, Headers, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { acceptedLanguages } from '../programme/languages.js';
import { createRoomSchema, createVenueSchema, transferTimeSchema, type CreateRoom, type CreateVenue, type TransferTime } from './venue.schema.js';
import { roomView, transferTimeList, transferTimeView, venueList, venueWithRoomsView } from './venue.view.js';
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
  @ApiCreatedResponse({
    description: "The venue, in the city's time zone unless the body names another; without rooms yet.",
    standardSchema: venueWithRoomsView,
  })
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
  @ApiOkResponse({
    description: "The mission's venues with their rooms, names in the caller's language (Accept-Language) where they have it.",
    standardSchema: venueList,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  list(@Param('id', new UuidParamPipe()) missionId: string, @Headers('accept-language') acceptLanguage: string | undefined) {
    return this.venues.list(missionId, acceptedLanguages(acceptLanguage));
  }

  /** A room of a venue: sessions in it hold no more than its seats, and two rooms of one venue are booked apart. */
  @Post('venues/:venueId/rooms')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The room.', standardSchema: roomView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or a field of the body or the Idempotency-Key is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No mission has this id, or no venue of it has this one.')
  @ApiProblem(HttpStatus.CONFLICT, 'room-exists', 'The venue has a room of that name (in any case) already.')
  createRoom(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('venueId', new UuidParamPipe()) venueId: string,
    @Body({ schema: createRoomSchema }) body: CreateRoom,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.venues.createRoom(caller, missionId, venueId, body, key);
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
