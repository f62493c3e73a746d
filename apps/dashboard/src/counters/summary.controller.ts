import { Access, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SummaryService } from './summary.service.js';

@ApiTags('dashboard')
@Controller('missions')
export class SummaryController {
  constructor(private readonly summaries: SummaryService) {}

  /** Registrations by status, delegation and country; sessions' fill; MoUs by status; notifications sent and failed. */
  @Get(':id/summary')
  @Access('organiser')
  @ApiBearerAuth()
  summary(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.summaries.summary(caller, id);
  }
}
