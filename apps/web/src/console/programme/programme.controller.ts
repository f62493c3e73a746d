import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { isTimeZone } from '../../kit/time.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { formErrorsOf } from '../forms/form-field.js';
import { idempotencyKeyOf, textOf } from '../forms/posted.js';
import { assertSameOrigin, missionIdOf, OrganiserApi } from '../organiser-api.js';
import { programmeMessages } from './programme.messages.js';
import { programmePage, type ProgrammeView } from './programme.page.js';
import { publishRelease, releasesOf, sessionsOf } from './programme.service.js';
import { translator } from '../../kit/messages.js';

/** `/console/m/:missionId/programme`: the sessions with their fill, and publishing a release (a plain form post, then back to the page). */
@Controller('console/m/:missionId/programme')
@UseFilters(ConsoleRefusalFilter)
export class ProgrammeController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async show(
    @Page() page: PageContext,
    @Req() request: Request,
    @Param('missionId') missionParam: string,
    @Query('published') published?: string,
    @Query('tz') zone?: string,
  ): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const number = Number(published);
    return programmePage(page, {
      ...(await this.programme(new OrganiserApi(this.api, request), missionId)),
      viewerZone: isTimeZone(zone) ? zone : undefined,
      published: Number.isInteger(number) && number > 0 ? number : undefined,
    });
  }

  @Post('releases')
  async publish(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    const note = textOf(body, 'note');
    const key = idempotencyKeyOf(body);
    const outcome = await publishRelease(organiser, missionId, note, key);
    if (outcome.published) return response.redirect(303, `/console/m/${missionId}/programme?published=${outcome.number}`);
    const problem =
      outcome.problem.status === 409 ? { ...outcome.problem, detail: translator(programmeMessages, page.language)('nothingToRelease') } : outcome.problem;
    // The same key again would answer the same refusal: the form sent again after a fix needs a new one.
    response
      .status(outcome.problem.status >= 500 ? 502 : outcome.problem.status)
      .type('html')
      .send(programmePage(page, { ...(await this.programme(organiser, missionId)), note, problem, errors: formErrorsOf(problem) }));
  }

  private async programme(organiser: OrganiserApi, missionId: string): Promise<Omit<ProgrammeView, 'viewerZone'>> {
    // The sessions call is the organisers' own: it refuses another mission's organiser before anything is read.
    const sessions = await sessionsOf(organiser, missionId);
    const [mission, releases] = await Promise.all([organiser.mission(missionId), releasesOf(organiser, missionId)]);
    return { mission, sessions, releases, idempotencyKey: randomUUID() };
  }
}
