import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { missionSummary } from './summary.view.js';
import { SummaryService } from './summary.service.js';

@ApiTags('dashboard')
@Controller('missions')
export class SummaryController {
  constructor(private readonly summaries: SummaryService) {}

  /** Registrations by status, delegation and country; sessions' fill; MoUs by status; notifications sent and failed. */
  @Get(':id/summary')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      'The counters at one moment, with the position of the stream they include. A mission the dashboard has no events of counts zero everywhere (no 404).',
    standardSchema: missionSummary,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems('The token is not an organiser of this mission.')
  summary(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.summaries.summary(caller, id);
  }
}
