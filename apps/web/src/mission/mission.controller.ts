import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { messagePage } from '../kit/layout.js';
import { Page, type PageContext } from '../kit/page-context.js';
import { ServiceApi } from '../kit/service-api.js';
import { isTimeZone } from '../kit/time.js';
import { actionPlanPage, actionPlansPage, type ActionPlan } from './action-plan.page.js';
import type { Mission, MouPage, Programme } from './mission.api.js';
import { missionPage } from './mission.page.js';
import { mousPage } from './mous.page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public pages of a mission: no sign-in, and only the public calls (no credential is sent). */
@Controller('m/:missionId')
export class MissionController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async mission(@Page() page: PageContext, @Param('missionId') missionId: string, @Query('tz') tz: string | undefined, @Res() response: Response) {
    const mission = await this.findMission(missionId);
    if (!mission.ok) return this.failed(page, response, mission.status);
    const programme = await this.api.call<Programme>('scheduling', `/api/missions/${missionId}/programme`);
    if (!programme.ok) return this.failed(page, response, programme.status);
    const zone = tz?.trim() || undefined;
    const visitorZone = isTimeZone(zone) ? zone : undefined;
    response
      .type('html')
      .send(missionPage(page, { mission: mission.body, programme: programme.body, visitorZone, unknownZone: Boolean(zone) && !visitorZone }));
  }

  @Get('mous')
  async mous(@Page() page: PageContext, @Param('missionId') missionId: string, @Query('cursor') cursor: string | undefined, @Res() response: Response) {
    const mission = await this.findMission(missionId);
    if (!mission.ok) return this.failed(page, response, mission.status);
    const query = new URLSearchParams({ mission: missionId, visibility: 'public', limit: '50', ...(cursor ? { cursor } : {}) });
    const register = await this.api.call<MouPage>('mou-registry', `/api/mous?${query}`);
    if (!register.ok) return this.failed(page, response, register.status === 400 ? 404 : register.status);
    response.type('html').send(mousPage(page, mission.body, register.body));
  }

  /** The mission's public action plans (the registry answers an anonymous caller its public plans only). */
  @Get('action-plans')
  async actionPlans(@Page() page: PageContext, @Param('missionId') missionId: string, @Res() response: Response) {
    const mission = await this.findMission(missionId);
    if (!mission.ok) return this.failed(page, response, mission.status);
    const plans = await this.api.call<ActionPlan[]>('mou-registry', `/api/action-plans?missionId=${missionId}`);
    if (!plans.ok) return this.failed(page, response, plans.status);
    response.type('html').send(actionPlansPage(page, mission.body, plans.body));
  }

  @Get('action-plans/:planId')
  async actionPlan(@Page() page: PageContext, @Param('missionId') missionId: string, @Param('planId') planId: string, @Res() response: Response) {
    if (!UUID.test(missionId) || !UUID.test(planId)) return this.failed(page, response, 404);
    const plan = await this.api.call<ActionPlan>('mou-registry', `/api/action-plans/${planId}`);
    // A plan of another mission is not found under this one.
    if (!plan.ok || plan.body.missionId !== missionId) return this.failed(page, response, plan.ok ? 404 : plan.status);
    response.type('html').send(actionPlanPage(page, missionId, plan.body));
  }

  private async findMission(missionId: string) {
    if (!UUID.test(missionId)) return { ok: false as const, status: 404 };
    return this.api.call<Mission>('scheduling', `/api/missions/${missionId}`);
  }

  private failed(page: PageContext, response: Response, status: number): void {
    if (status === 404) throw new NotFoundException();
    response
      .status(status >= 500 ? 503 : status)
      .type('html')
      .send(messagePage(page, status >= 500 ? 'unavailable' : 'error'));
  }
}
