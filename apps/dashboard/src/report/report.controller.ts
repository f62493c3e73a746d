import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { missionReport } from './mission-report.view.js';
import { ReportService } from './report.service.js';

@ApiTags('dashboard')
@Controller('missions')
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  /** Delegations, participants by category, the programme with attendance, who met whom, MoUs signed. */
  @Get(':id/report')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      "The mission summed up from every service's events as the dashboard logged them, with names (an erased participant's name is gone). A mission the dashboard has no events of has an empty report (no 404).",
    standardSchema: missionReport,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems('The token is not an organiser of this mission.')
  report(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.reports.report(caller, id);
  }
}
