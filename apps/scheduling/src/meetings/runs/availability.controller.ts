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
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AvailabilityService } from './availability.service.js';
import { meetingBlockView, unavailabilityList, unavailabilityView } from './availability.view.js';
import { meetingBlockSchema, unavailabilitySchema, type MeetingBlockInput, type UnavailabilityInput } from './run.schema.js';

const ORGANISERS_ONLY = 'The token is not an organiser of this mission.';
const ORGANISER_OR_SELF = "The token is neither an organiser of this mission nor the participant's own.";

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  /** How a session of kind b2b_meeting_block is cut into meeting slots: slot length, tables, breaks. */
  @Put('sessions/:sessionId/meeting-block')
  @Access('organiser')
  @ApiOkResponse({ description: 'How the block is cut now; the next run places meetings in its slots.', standardSchema: meetingBlockView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id or the sessionId is not a UUID, a field of the body is not valid, a break lies outside the block, or a slot is longer than the block; `errors` names each.',
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No session of this mission has this id.')
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'not-a-meeting-block', 'The session is not of kind `b2b_meeting_block`.')
  setBlock(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('sessionId', new UuidParamPipe()) sessionId: string,
    @Body({ schema: meetingBlockSchema }) body: MeetingBlockInput,
  ) {
    return this.availability.setBlock(caller, missionId, sessionId, body);
  }

  @Get('sessions/:sessionId/meeting-block')
  @Access('organiser')
  @ApiOkResponse({ description: 'How the block is cut into meeting slots.', standardSchema: meetingBlockView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id or the sessionId is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No session of this mission with this id is cut into meeting slots (yet).')
  getBlock(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('sessionId', new UuidParamPipe()) sessionId: string) {
    return this.availability.getBlock(caller, missionId, sessionId);
  }

  /** A time the participant cannot meet (their own token, or an organiser). */
  @Post('participants/:registrationId/unavailability')
  @Access('organiser', 'participant')
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: "The time declared: the next run places none of the participant's meetings in it.", standardSchema: unavailabilityView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id or the registrationId is not a UUID, or a field of the body (an end before the start, say) or the Idempotency-Key is not valid; `errors` names each.',
  )
  @ApiAccessProblems(ORGANISER_OR_SELF)
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'not-a-confirmed-participant', 'The participant is not (or no longer) a confirmed participant of this mission.')
  declare(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Body({ schema: unavailabilitySchema }) body: UnavailabilityInput,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.availability.declare(caller, missionId, registrationId, body, key);
  }

  @Get('participants/:registrationId/unavailability')
  @Access('organiser', 'participant')
  @ApiOkResponse({ description: 'Every time the participant cannot meet, earliest first.', standardSchema: unavailabilityList })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id or the registrationId is not a UUID.')
  @ApiAccessProblems(ORGANISER_OR_SELF)
  declared(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
  ) {
    return this.availability.declared(caller, missionId, registrationId);
  }

  @Delete('participants/:registrationId/unavailability/:unavailabilityId')
  @HttpCode(204)
  @Access('organiser', 'participant')
  @ApiNoContentResponse({ description: 'The time is withdrawn: the next run may place meetings in it again.' })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id, the registrationId or the unavailabilityId is not a UUID.')
  @ApiAccessProblems(ORGANISER_OR_SELF)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'The participant declared no such time in this mission.')
  async withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Param('unavailabilityId', new UuidParamPipe()) id: string,
  ) {
    await this.availability.withdraw(caller, missionId, registrationId, id);
  }
}
