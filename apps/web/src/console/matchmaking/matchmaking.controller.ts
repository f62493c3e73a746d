import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { formErrorsOf } from '../forms/form-field.js';
import { idempotencyKeyOf, textOf } from '../forms/posted.js';
import { assertSameOrigin, ConsoleRefusal, missionIdOf, OrganiserApi } from '../organiser-api.js';
import { sessionsOf } from '../programme/programme.service.js';
import { matchmakingPage, runPage, type MeetingsView } from './matchmaking.page.js';
import { meetingsOf, participantNames, runOf, startRun } from './matchmaking.service.js';

/** `/console/m/:missionId/matchmaking`: starting a scheduling run, following it, and reading its result. */
@Controller('console/m/:missionId/matchmaking')
@UseFilters(ConsoleRefusalFilter)
export class MatchmakingController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async show(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string): Promise<string> {
    const missionId = missionIdOf(missionParam);
    return matchmakingPage(page, { ...(await this.meetings(new OrganiserApi(this.api, request), missionId)), idempotencyKey: randomUUID() });
  }

  @Post('runs')
  async start(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    const rebuild = textOf(body, 'rebuild') === 'true';
    const limit = textOf(body, 'limitPerParticipant').trim();
    // A number the service judges (it names the field when it is not one it takes); text that is no number at all is sent as it is, to be named too.
    const input = { rebuild, ...(limit ? { limitPerParticipant: /^\d+$/.test(limit) ? Number(limit) : limit } : {}) };
    const outcome = await startRun(organiser, missionId, input as { rebuild: boolean; limitPerParticipant?: number }, idempotencyKeyOf(body));
    if (outcome.started) return response.redirect(303, `/console/m/${missionId}/matchmaking/runs/${outcome.runId}`);
    if (outcome.runningId) return response.redirect(303, `/console/m/${missionId}/matchmaking/runs/${outcome.runningId}?already=1`);
    const { problem } = outcome;
    response
      .status(problem.status >= 500 ? 502 : problem.status)
      .type('html')
      .send(
        matchmakingPage(page, {
          ...(await this.meetings(organiser, missionId)),
          idempotencyKey: randomUUID(),
          form: { rebuild, limit },
          problem,
          errors: formErrorsOf(problem),
        }),
      );
  }

  @Get('runs/:runId')
  @Header('content-type', 'text/html; charset=utf-8')
  async run(
    @Page() page: PageContext,
    @Req() request: Request,
    @Param('missionId') missionParam: string,
    @Param('runId') runParam: string,
    @Query('already') already?: string,
  ): Promise<string> {
    const missionId = missionIdOf(missionParam);
    let runId: string;
    try {
      runId = missionIdOf(runParam);
    } catch {
      throw new ConsoleRefusal('not-found');
    }
    const organiser = new OrganiserApi(this.api, request);
    const run = await runOf(organiser, missionId, runId);
    const finished = run.status === 'succeeded' || run.status === 'failed';
    const meetings: MeetingsView = finished
      ? await this.meetings(organiser, missionId)
      : { mission: await organiser.mission(missionId), meetings: [], blocks: new Map(), names: new Map() };
    return runPage(page, { ...meetings, run, alreadyRunning: already === '1' });
  }

  private async meetings(organiser: OrganiserApi, missionId: string): Promise<MeetingsView> {
    // The meetings call is the organisers' own: it refuses another mission's organiser before anything else is read.
    const meetings = await meetingsOf(organiser, missionId);
    const [mission, sessions] = await Promise.all([organiser.mission(missionId), sessionsOf(organiser, missionId)]);
    return { mission, meetings, blocks: new Map(sessions.map((session) => [session.id, session])), names: participantNames(meetings) };
  }
}
