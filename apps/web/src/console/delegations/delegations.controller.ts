import { Body, Controller, Get, Header, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { translator } from '../../kit/messages.js';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi, type ApiAnswer } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { assertSameOrigin, missionIdOf, OrganiserApi } from '../organiser-api.js';
import { delegationsMessages } from './delegations.messages.js';
import { delegationsPage, type ConsoleDelegation } from './delegations.page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/console/m/:missionId/delegations`: the mission's delegations; each change is a plain form post answered with the page. */
@Controller('console/m/:missionId/delegations')
@UseFilters(ConsoleRefusalFilter)
export class DelegationsController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async show(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    const delegations = await this.list(organiser, page, missionId);
    return delegationsPage(page, await organiser.mission(missionId), delegations);
  }

  @Post()
  async change(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    const field = (name: string) => (typeof body?.[name] === 'string' ? (body[name] as string).trim() : '');
    const id = UUID.test(field('delegationId')) ? field('delegationId') : '';
    let answer: ApiAnswer<unknown>;
    switch (field('action')) {
      case 'create': {
        const names: Record<string, string> = { en: field('nameEn') };
        if (field('nameZh')) names['zh-CN'] = field('nameZh');
        answer = await organiser.call('registration', `/api/missions/${missionId}/delegations`, {
          method: 'POST',
          body: {
            names,
            country: field('country').toUpperCase(),
            ...(field('city') ? { city: field('city') } : {}),
            ...(UUID.test(field('parentId')) ? { parentId: field('parentId') } : {}),
            ...(field('quota') ? { quota: Number(field('quota')) } : {}),
          },
        });
        break;
      }
      case 'up': {
        const current = (await this.list(organiser, page, missionId)).find((delegation) => delegation.id === id);
        answer = await organiser.call('registration', `/api/delegations/${id}`, {
          method: 'PATCH',
          body: { precedence: Math.max(1, (current?.precedence ?? 2) - 1) },
        });
        break;
      }
      case 'merge':
        answer = await organiser.call('registration', `/api/delegations/${id}/merge`, { method: 'POST', body: { into: field('into') } });
        break;
      case 'remove':
        answer = await organiser.call('registration', `/api/delegations/${id}`, { method: 'DELETE' });
        break;
      default:
        answer = { ok: false, status: 400, problem: { title: 'Unknown action' }, fieldErrors: {} } as ApiAnswer<unknown>;
    }
    const t = translator(delegationsMessages, page.language);
    const outcome = answer.ok
      ? { ok: true, text: t('done') }
      : { ok: false, text: t('refused', { detail: String(answer.problem.detail ?? answer.problem.title ?? answer.status) }) };
    const delegations = await this.list(organiser, page, missionId);
    response
      .status(answer.ok ? 200 : answer.status >= 500 ? 502 : answer.status)
      .type('html')
      .send(delegationsPage(page, await organiser.mission(missionId), delegations, outcome));
  }

  private async list(organiser: OrganiserApi, page: PageContext, missionId: string): Promise<ConsoleDelegation[]> {
    const answer = await organiser.call<{ items: ConsoleDelegation[] }>('registration', `/api/missions/${missionId}/delegations`, {
      headers: { 'accept-language': page.locale },
    });
    if (answer.ok) return answer.body.items;
    return organiser.read<{ items: ConsoleDelegation[] }>('registration', `/api/missions/${missionId}/delegations`).then((body) => body.items);
  }
}
