import type { Page as ListPage } from '#common';
import { Controller, Get, Header, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { consolePath } from '../console.layout.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { missionIdOf, OrganiserApi, queryOf } from '../organiser-api.js';
import { missionsPage, type MissionItem } from './missions.page.js';

/** `/console`: the organiser's missions (scheduling's `GET /api/missions`, the ones the token covers). */
@Controller('console')
@UseFilters(ConsoleRefusalFilter)
export class MissionsController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async list(@Page() page: PageContext, @Req() request: Request, @Query('cursor') cursor: unknown): Promise<string> {
    const at = typeof cursor === 'string' && cursor ? cursor : undefined;
    const missions = await new OrganiserApi(this.api, request).read<ListPage<MissionItem>>(
      'scheduling',
      `/api/missions${queryOf({ limit: '50', cursor: at })}`,
    );
    return missionsPage(page, missions.items, at, missions.nextCursor);
  }

  /** The form "open a mission by its id" (a mission the list does not show, or before it loads). */
  @Get('open')
  open(@Req() request: Request, @Res() response: Response, @Query('mission') mission: unknown): void {
    new OrganiserApi(this.api, request).assertSignedIn();
    response.redirect(303, consolePath(missionIdOf(typeof mission === 'string' ? mission.trim() : ''), 'live'));
  }
}
