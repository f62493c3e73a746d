import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { timetableView } from './timetable.view.js';
import { TimetablesService } from './timetables.service.js';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id/participants/:registrationId/meetings')
export class TimetablesController {
  constructor(private readonly timetables: TimetablesService) {}

  /** The participant's meeting timetable: time (theirs and the venue's), table, venue and counterpart of each meeting. */
  @Get()
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description: "The participant's meetings as the last run placed them, in time order: when (on their clock and the venue's), table, venue and counterpart.",
    standardSchema: timetableView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id or the registrationId is not a UUID.')
  @ApiAccessProblems("The token is neither an organiser of this mission nor the participant's own.")
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', "Scheduling knows no participant of this mission with this id (it learns of them from registration's events).")
  timetable(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
  ) {
    return this.timetables.timetable(caller, missionId, registrationId);
  }
}
