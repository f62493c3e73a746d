import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AvailabilityService } from './availability.service.js';
import { meetingBlockSchema, unavailabilitySchema, type MeetingBlockInput, type UnavailabilityInput } from './run.schema.js';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  /** How a session of kind b2b_meeting_block is cut into meeting slots: slot length, tables, breaks. */
  @Put('sessions/:sessionId/meeting-block')
  @Access('organiser')
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
  getBlock(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('sessionId', new UuidParamPipe()) sessionId: string) {
    return this.availability.getBlock(caller, missionId, sessionId);
  }

  /** A time the participant cannot meet (their own token, or an organiser). */
  @Post('participants/:registrationId/unavailability')
  @Access('organiser', 'participant')
  @Idempotent()
  declare(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Body({ schema: unavailabilitySchema }) body: UnavailabilityInput,
  ) {
    return this.availability.declare(caller, missionId, registrationId, body);
  }

  @Get('participants/:registrationId/unavailability')
  @Access('organiser', 'participant')
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
  async withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Param('unavailabilityId', new UuidParamPipe()) id: string,
  ) {
    await this.availability.withdraw(caller, missionId, registrationId, id);
  }
}
