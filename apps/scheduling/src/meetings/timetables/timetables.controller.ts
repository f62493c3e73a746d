import { Access, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { TimetablesService } from './timetables.service.js';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id/participants/:registrationId/meetings')
export class TimetablesController {
  constructor(private readonly timetables: TimetablesService) {}

  /** The participant's meeting timetable: time (theirs and the venue's), table, venue and counterpart of each meeting. */
  @Get()
  @Access('organiser', 'participant')
  timetable(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
  ) {
    return this.timetables.timetable(caller, missionId, registrationId);
  }
}
