import { Controller, Get, Header, Param, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { missionIdOf, OrganiserApi } from '../organiser-api.js';
import { liveCounters, livePage, type LiveSummary } from './live.page.js';

/** `/console/m/:missionId`: the mission's live page, and its counters alone for its script. */
@Controller('console/m/:missionId')
@UseFilters(ConsoleRefusalFilter)
export class LiveController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async show(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    // The summary first: it is what refuses an organiser of another mission, before anything of the mission is read.
    const summary = await organiser.read<LiveSummary>('dashboard', `/api/missions/${missionId}/summary`);
    const mission = await organiser.mission(missionId);
    return livePage(page, mission, summary, request.originalUrl);
  }

  @Get('live/counters')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async counters(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const summary = await new OrganiserApi(this.api, request).read<LiveSummary>('dashboard', `/api/missions/${missionId}/summary`);
    return liveCounters(page, summary).toString();
  }
}
