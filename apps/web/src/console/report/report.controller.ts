import { Controller, Get, Header, Param, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { missionIdOf, OrganiserApi } from '../organiser-api.js';
import { reportPage, type MissionReport } from './report.page.js';

/** `/console/m/:missionId/report`: the mission summed up (the dashboard's `GET /api/missions/:id/report`). */
@Controller('console/m/:missionId/report')
@UseFilters(ConsoleRefusalFilter)
export class ReportController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async show(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    const report = await organiser.read<MissionReport>('dashboard', `/api/missions/${missionId}/report`);
    return reportPage(page, await organiser.mission(missionId), report);
  }
}
