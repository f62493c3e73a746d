import { Body, Controller, Get, Header, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { assertSameOrigin, missionIdOf, OrganiserApi } from '../organiser-api.js';
import { checkInPage, checkInResult } from './check-in.page.js';
import { checkIn } from './check-in.service.js';

/** `/console/m/:missionId/check-in`: the form, and the check-in it posts (a page, or a sentence for the page's script). */
@Controller('console/m/:missionId/check-in')
@UseFilters(ConsoleRefusalFilter)
export class CheckInController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async show(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    await this.assertOrganiserOf(organiser, missionId);
    return checkInPage(page, await organiser.mission(missionId));
  }

  @Post()
  async checkIn(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    await this.assertOrganiserOf(organiser, missionId);
    const mission = await organiser.mission(missionId);
    const outcome = await checkIn(organiser, missionId, typeof body?.code === 'string' ? body.code : '');
    const result = checkInResult(page, mission, outcome);
    const status = result.ok
      ? 200
      : outcome.kind === 'failed'
        ? 502
        : outcome.kind === 'invalid'
          ? 400
          : outcome.kind === 'unknown' || outcome.kind === 'ambiguous'
            ? 404
            : 409;
    if (request.accepts(['html', 'json']) === 'json') return void response.status(status).json({ ...result, kind: outcome.kind });
    response
      .status(status)
      .type('html')
      .send(checkInPage(page, mission, result));
  }

  /** The check-in page reads nothing of the mission but its title: registration's list (one row) refuses another mission's organiser first. */
  private async assertOrganiserOf(organiser: OrganiserApi, missionId: string): Promise<void> {
    await organiser.read('registration', `/api/missions/${missionId}/registrations?limit=1`);
  }
}
