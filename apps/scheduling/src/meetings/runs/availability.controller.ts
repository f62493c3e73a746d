import { Access, CurrentCaller, Idempotent, type Caller } from '#common';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
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
    @Param('id', new ParseUUIDPipe()) missionId: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Body({ schema: meetingBlockSchema }) body: MeetingBlockInput,
  ) {
    return this.availability.setBlock(caller, missionId, sessionId, body);
  }

  @Get('sessions/:sessionId/meeting-block')
  @Access('organiser')
  getBlock(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) missionId: string, @Param('sessionId', new ParseUUIDPipe()) sessionId: string) {
    return this.availability.getBlock(caller, missionId, sessionId);
  }

  /** A time the participant cannot meet (their own token, or an organiser). */
  @Post('participants/:registrationId/unavailability')
  @Access('organiser', 'participant')
  @Idempotent()
  declare(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) missionId: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
    @Body({ schema: unavailabilitySchema }) body: UnavailabilityInput,
  ) {
    return this.availability.declare(caller, missionId, registrationId, body);
  }

  @Get('participants/:registrationId/unavailability')
  @Access('organiser', 'participant')
  declared(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) missionId: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
  ) {
    return this.availability.declared(caller, missionId, registrationId);
  }

  @Delete('participants/:registrationId/unavailability/:unavailabilityId')
  @HttpCode(204)
  @Access('organiser', 'participant')
  async withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) missionId: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
    @Param('unavailabilityId', new ParseUUIDPipe()) id: string,
  ) {
    await this.availability.withdraw(caller, missionId, registrationId, id);
  }
}
