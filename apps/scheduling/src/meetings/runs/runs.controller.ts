import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { runSchema, type RunInput } from './run.schema.js';
import { RunsService } from './runs.service.js';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id/matchmaking/runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  /** Starts a scheduling run (202 with its id); follow it with GET. One run per mission at a time (409 otherwise). */
  @Post()
  @HttpCode(202)
  @Access('organiser')
  @Idempotent()
  start(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Body({ schema: runSchema }) body: RunInput) {
    return this.runs.start(caller, missionId, body ?? { rebuild: false });
  }

  /** The run's status and progress, then its result: meetings placed, kept, moved, cancelled, and those left out with why. */
  @Get(':runId')
  @Access('organiser')
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('runId', new UuidParamPipe()) runId: string) {
    return this.runs.get(caller, missionId, runId);
  }
}
