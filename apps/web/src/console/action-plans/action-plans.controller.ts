import type { ProblemDetails } from '#common';
import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import type { ActionPlan } from '../../mission/action-plan.page.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusal, assertSameOrigin, missionIdOf, OrganiserApi } from '../organiser-api.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { formErrorsOf } from '../forms/form-field.js';
import { fieldsOf, idempotencyKeyOf } from '../forms/posted.js';
import { assertOrganiserOf, mousOf } from '../mous/mous.service.js';
import { indicatorOf, milestoneOf, newPlanOf, pilotProjectOf, reportOf, type PlanFormBody } from './action-plan-forms.js';
import { planListPage, planPage, type RefusedForm } from './action-plans.page.js';

type ConsolePlan = ActionPlan & { nextStatuses: string[] };

const idOf = (value: string | undefined) => missionIdOf(value ?? '');

/** `/console/m/:missionId/action-plans`: the mission's UCAPs, a new one, and each with its moves and its forms, all plain forms (POST-redirect-GET). */
@Controller('console/m/:missionId/action-plans')
@UseFilters(ConsoleRefusalFilter)
export class ActionPlansController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async list(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    await assertOrganiserOf(organiser, missionId);
    const [mission, plans] = await Promise.all([organiser.mission(missionId), this.plansOf(organiser, missionId)]);
    return planListPage(page, mission, plans, randomUUID());
  }

  @Post()
  async create(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    await assertOrganiserOf(organiser, missionId);
    const fields = fieldsOf(body);
    const form = newPlanOf(fields, missionId);
    const created = await organiser.call<ConsolePlan>('mou-registry', '/api/action-plans', {
      method: 'POST',
      body: form.body,
      headers: { 'idempotency-key': idempotencyKeyOf(body) },
    });
    if (created.ok) return response.redirect(303, `/console/m/${missionId}/action-plans/${created.body.id}`);
    const [mission, plans] = await Promise.all([organiser.mission(missionId), this.plansOf(organiser, missionId)]);
    response
      .status(statusOf(created.problem))
      .type('html')
      .send(planListPage(page, mission, plans, randomUUID(), refusedOf('plan', created.problem, form, fields)));
  }

  @Get(':planId')
  @Header('content-type', 'text/html; charset=utf-8')
  async show(
    @Page() page: PageContext,
    @Req() request: Request,
    @Param('missionId') missionParam: string,
    @Param('planId') planParam: string,
    @Query('done') done?: string,
  ): Promise<string> {
    const organiser = new OrganiserApi(this.api, request);
    return this.page(page, organiser, missionIdOf(missionParam), idOf(planParam), { saved: done === '1' });
  }

  @Post(':planId/status')
  async move(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    await this.send(page, request, response, params, body, 'status', (fields) => ({ body: { status: fields.status ?? '' }, fieldOf: () => '' }), 'status');
  }

  @Post(':planId/pilot-projects')
  async addProject(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    await this.send(page, request, response, params, body, 'project', pilotProjectOf, 'pilot-projects');
  }

  @Post(':planId/pilot-projects/:projectId/indicators')
  async addIndicator(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    const projectId = idOf(params.projectId);
    await this.send(page, request, response, params, body, `indicator:${projectId}`, indicatorOf, `pilot-projects/${projectId}/indicators`);
  }

  @Post(':planId/pilot-projects/:projectId/indicators/:indicatorId/reports')
  async addReport(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    const [projectId, indicatorId] = [idOf(params.projectId), idOf(params.indicatorId)];
    await this.send(page, request, response, params, body, `report:${indicatorId}`, reportOf, `pilot-projects/${projectId}/indicators/${indicatorId}/reports`);
  }

  @Post(':planId/milestones')
  async addMilestone(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    await this.send(page, request, response, params, body, 'milestone', milestoneOf, 'milestones');
  }

  /** A form of the plan's page: sent on to the registry; on success back to the page, else the page again with the form's errors beside its fields. */
  private async send(
    page: PageContext,
    request: Request,
    response: Response,
    params: Record<string, string>,
    body: Record<string, unknown>,
    form: string,
    read: (fields: Record<string, string>) => PlanFormBody,
    path: string,
  ): Promise<void> {
    const missionId = idOf(params.missionId);
    const planId = idOf(params.planId);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    // The organiser must be this mission's, and the plan one of its own, before anything is sent about it.
    await assertOrganiserOf(organiser, missionId);
    await this.planOf(organiser, missionId, planId);
    const fields = fieldsOf(body);
    const formBody = read(fields);
    const answer = await organiser.call('mou-registry', `/api/action-plans/${planId}/${path}`, {
      method: 'POST',
      body: formBody.body,
      headers: form === 'status' ? {} : { 'idempotency-key': idempotencyKeyOf(body) },
    });
    if (answer.ok) return response.redirect(303, `/console/m/${missionId}/action-plans/${planId}?done=1`);
    response
      .status(statusOf(answer.problem))
      .type('html')
      .send(await this.page(page, organiser, missionId, planId, { refused: refusedOf(form, answer.problem, formBody, fields) }));
  }

  private async page(page: PageContext, organiser: OrganiserApi, missionId: string, planId: string, extra: { saved?: boolean; refused?: RefusedForm }) {
    await assertOrganiserOf(organiser, missionId);
    const [mission, plan, mous] = await Promise.all([organiser.mission(missionId), this.planOf(organiser, missionId, planId), mousOf(organiser, missionId)]);
    const keys = { project: randomUUID(), indicator: randomUUID(), report: randomUUID(), milestone: randomUUID() };
    return planPage(page, { mission, plan, mous, keys, ...extra });
  }

  private plansOf(organiser: OrganiserApi, missionId: string): Promise<ActionPlan[]> {
    return organiser.read<ActionPlan[]>('mou-registry', `/api/action-plans?missionId=${missionId}`);
  }

  /** A plan of this mission; one of another mission (or of none) is not found here. */
  private async planOf(organiser: OrganiserApi, missionId: string, planId: string): Promise<ConsolePlan> {
    const plan = await organiser.read<ConsolePlan>('mou-registry', `/api/action-plans/${planId}`);
    if (plan.missionId !== missionId) throw new ConsoleRefusal('not-found');
    return plan;
  }
}

function refusedOf(form: string, problem: ProblemDetails, body: PlanFormBody, fields: Record<string, string>): RefusedForm {
  return { form, problem, errors: formErrorsOf(problem, body.fieldOf), fields };
}

/** A refusal's status for the page that shows it; a service's failure is the web entry's 502. */
function statusOf(problem: ProblemDetails): number {
  return problem.status >= 500 ? 502 : problem.status;
}
