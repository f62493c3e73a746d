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
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { runSchema, type RunInput } from './run.schema.js';
import { runView } from './run.view.js';
import { RunsService } from './runs.service.js';

const ORGANISERS_ONLY = 'The token is not an organiser of this mission.';

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
  @ApiIdempotencyProblems()
  @ApiAcceptedResponse({ description: 'The run, `queued`: it works after the response; follow it with GET.', standardSchema: runView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or a field of the body or the Idempotency-Key is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No mission has this id.')
  @ApiProblem(
    HttpStatus.CONFLICT,
    'run-in-progress',
    'A run of this mission is queued or running; the problem has its `runId`. Start another once it has finished.',
  )
  start(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: runSchema }) body: RunInput,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.runs.start(caller, missionId, body ?? { rebuild: false }, key);
  }

  /** The run's status and progress, then its result: meetings placed, kept, moved, cancelled, and those left out with why. */
  @Get(':runId')
  @Access('organiser')
  @ApiOkResponse({
    description: 'The run: its progress while it is queued or running, then its result (or, when it failed, why).',
    standardSchema: runView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id or the runId is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No run of this mission has this id.')
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('runId', new UuidParamPipe()) runId: string) {
    return this.runs.get(caller, missionId, runId);
  }
}
