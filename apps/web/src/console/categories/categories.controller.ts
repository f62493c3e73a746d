import type { ProblemDetails } from '#common';
import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusal, assertSameOrigin, missionIdOf, OrganiserApi } from '../organiser-api.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { formErrorsOf } from '../forms/form-field.js';
import { textOf } from '../forms/posted.js';
import { categoryBodyOf, categoryFormFields, type CategoryFormValues, type ConsoleCategory } from './categories.form.js';
import { categoriesPage, type CategoriesView } from './categories.page.js';

const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** `/console/m/:missionId/categories`: the mission's registration categories and their questions, edited by plain form posts. */
@Controller('console/m/:missionId/categories')
@UseFilters(ConsoleRefusalFilter)
export class CategoriesController {
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
    @Query('saved') saved?: string,
    @Query('removed') removed?: string,
  ): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const view = await this.view(new OrganiserApi(this.api, request), missionId);
    return categoriesPage(page, { ...view, saved: CODE.test(saved ?? '') ? saved : undefined, removed: CODE.test(removed ?? '') ? removed : undefined });
  }

  @Post()
  async save(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    const form = textOf(body, 'form');
    const prefix = form === 'new' ? 'new' : form;
    const values = Object.fromEntries(categoryFormFields.map((name) => [name, textOf(body, `${prefix}.${name}`)])) as unknown as CategoryFormValues;
    const refuse = async (problem: ProblemDetails, errors: Record<string, string>) =>
      response
        .status(problem.status >= 500 ? 502 : problem.status)
        .type('html')
        .send(categoriesPage(page, { ...(await this.view(organiser, missionId)), refused: { code: form === 'new' ? '' : form, values, problem, errors } }));

    const code = values.code.trim();
    if (!CODE.test(code)) {
      const problem = {
        type: 'validation',
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'code', message: 'lower-case letters, digits and dashes' }],
      };
      return void (await refuse(problem, formErrorsOf(problem)));
    }
    const made = categoryBodyOf(values);
    if (!made.ok) {
      const problem = {
        type: 'validation',
        title: 'Invalid request',
        status: 400,
        errors: Object.entries(made.errors).map(([field, message]) => ({ field, message })),
      };
      return void (await refuse(problem, made.errors));
    }
    const answer = await organiser.call('registration', `/api/missions/${missionId}/categories/${code}`, { method: 'PUT', body: made.body });
    if (answer.ok) return response.redirect(303, `/console/m/${missionId}/categories?saved=${code}`);
    // A question's problem is named by its path (`questions.0.options`): it belongs to the questions field.
    await refuse(
      answer.problem,
      formErrorsOf(answer.problem, (path) => path.split('.')[0]!),
    );
  }

  @Post('remove')
  async remove(@Req() request: Request, @Res() response: Response, @Param('missionId') missionParam: string, @Body() body: Record<string, unknown>) {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const code = textOf(body, 'code');
    if (!CODE.test(code)) throw new ConsoleRefusal('not-found');
    const answer = await new OrganiserApi(this.api, request).call('registration', `/api/missions/${missionId}/categories/${code}`, { method: 'DELETE' });
    if (answer.ok) return response.redirect(303, `/console/m/${missionId}/categories?removed=${code}`);
    response.redirect(303, `/console/m/${missionId}/categories`);
  }

  private async view(organiser: OrganiserApi, missionId: string): Promise<Pick<CategoriesView, 'mission' | 'categories'>> {
    // The categories call is the organisers' own: it refuses another mission's organiser before anything is read.
    const { items } = await organiser.read<{ items: ConsoleCategory[] }>('registration', `/api/missions/${missionId}/categories`);
    return { mission: await organiser.mission(missionId), categories: items };
  }
}
