import type { Page as ListPage } from '#common';
import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { fieldsOf, textOf } from '../forms/posted.js';
import { assertSameOrigin, ConsoleRefusal, missionIdOf, OrganiserApi, queryOf } from '../organiser-api.js';
import { endpointPage, webhooksPage, type AttemptItem, type DeliveryItem, type EndpointItem, type WebhookDone } from './webhooks.page.js';

const DONE: readonly WebhookDone[] = ['redelivered', 'enabled', 'deleted'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idOf(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw new ConsoleRefusal('not-found');
  return value.toLowerCase();
}

function doneOf(query: Record<string, unknown>): WebhookDone | undefined {
  return DONE.find((done) => done === query.done);
}

/** `/console/m/:missionId/webhooks`: notifications' webhook endpoints of the mission, as plain forms (docs/DESIGN.md, Webhooks). */
@Controller('console/m/:missionId/webhooks')
@UseFilters(ConsoleRefusalFilter)
export class WebhooksController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async list(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string, @Query() query: Record<string, unknown>) {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    const endpoints = await organiser.read<{ items: EndpointItem[] }>('notifications', `/api/missions/${missionId}/webhooks`);
    return webhooksPage(page, { mission: await organiser.mission(missionId), endpoints: endpoints.items, done: doneOf(query) });
  }

  /** A new endpoint: its page with the secret, shown this once (never in an address, so never in a history or a log). */
  @Post()
  async create(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ) {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    const values = fieldsOf(body);
    const eventTypes = (values.eventTypes ?? '').split(/[\s,]+/).filter(Boolean);
    const answer = await organiser.call<EndpointItem & { secret: string }>('notifications', `/api/missions/${missionId}/webhooks`, {
      method: 'POST',
      body: {
        url: values.url ?? '',
        eventTypes,
        ...(values.contactEmail ? { contactEmail: values.contactEmail } : {}),
        ...(values.description ? { description: values.description } : {}),
        // What they are told when the endpoint is disabled comes in the language of the page they made it on.
        language: page.language,
      },
    });
    const mission = await organiser.mission(missionId);
    if (answer.ok) {
      const html = endpointPage(page, {
        mission,
        endpoint: answer.body,
        secret: answer.body.secret,
        attempts: { items: [], nextCursor: null },
        deliveries: [],
      });
      response.status(201).type('html').set('cache-control', 'no-store').send(html);
      return;
    }
    if (answer.status !== 400 && answer.status !== 409) throw new ConsoleRefusal(answer.status === 404 ? 'not-found' : 'unavailable');
    // Field errors as the API names them (`eventTypes.0`): shown at the field they come from.
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(answer.fieldErrors)) errors[field.split('.')[0]!] ??= message;
    if (Object.keys(errors).length === 0) errors.url = answer.problem.detail ?? answer.problem.title;
    const endpoints = await organiser.read<{ items: EndpointItem[] }>('notifications', `/api/missions/${missionId}/webhooks`);
    response
      .status(answer.status)
      .type('html')
      .send(webhooksPage(page, { mission, endpoints: endpoints.items, form: { values, errors } }));
  }

  @Get(':endpointId')
  @Header('content-type', 'text/html; charset=utf-8')
  async show(@Page() page: PageContext, @Req() request: Request, @Param() params: Record<string, string>, @Query() query: Record<string, unknown>) {
    const missionId = missionIdOf(params.missionId ?? '');
    const endpointId = idOf(params.endpointId);
    const cursor = typeof query.cursor === 'string' && query.cursor ? query.cursor : undefined;
    return endpointPage(page, { ...(await this.endpointView(request, missionId, endpointId, cursor)), done: doneOf(query) });
  }

  @Post(':endpointId/rotate')
  async rotate(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    const { missionId, endpointId } = this.posted(request, params);
    const hours = Math.min(Math.max(Number(textOf(body, 'overlapHours') || '24') || 0, 0), 168);
    const answer = await new OrganiserApi(this.api, request).call<{ secret: string }>(
      'notifications',
      `/api/missions/${missionId}/webhooks/${endpointId}/rotate-secret`,
      {
        method: 'POST',
        body: { overlapSeconds: Math.round(hours * 3600) },
      },
    );
    if (!answer.ok) throw new ConsoleRefusal(answer.status === 404 ? 'not-found' : 'unavailable');
    const view = await this.endpointView(request, missionId, endpointId, undefined);
    response
      .status(200)
      .type('html')
      .set('cache-control', 'no-store')
      .send(endpointPage(page, { ...view, secret: answer.body.secret }));
  }

  @Post(':endpointId/enable')
  async enable(@Req() request: Request, @Res() response: Response, @Param() params: Record<string, string>) {
    await this.act(request, response, params, 'enable', 'enabled');
  }

  @Post(':endpointId/delete')
  async remove(@Req() request: Request, @Res() response: Response, @Param() params: Record<string, string>) {
    const { missionId, endpointId } = this.posted(request, params);
    const answer = await new OrganiserApi(this.api, request).call('notifications', `/api/missions/${missionId}/webhooks/${endpointId}`, { method: 'DELETE' });
    if (!answer.ok && answer.status !== 404) throw new ConsoleRefusal('unavailable');
    response.redirect(303, `/console/m/${missionId}/webhooks?done=deleted`);
  }

  @Post(':endpointId/deliveries/:deliveryId/redeliver')
  async redeliver(@Page() page: PageContext, @Req() request: Request, @Res() response: Response, @Param() params: Record<string, string>) {
    const { missionId, endpointId } = this.posted(request, params);
    const deliveryId = idOf(params.deliveryId);
    const answer = await new OrganiserApi(this.api, request).call(
      'notifications',
      `/api/missions/${missionId}/webhooks/${endpointId}/deliveries/${deliveryId}/redeliver`,
      {
        method: 'POST',
      },
    );
    if (answer.ok) return response.redirect(303, `/console/m/${missionId}/webhooks/${endpointId}?done=redelivered`);
    if (answer.status !== 409) throw new ConsoleRefusal(answer.status === 404 ? 'not-found' : 'unavailable');
    const view = await this.endpointView(request, missionId, endpointId, undefined);
    response
      .status(409)
      .type('html')
      .send(endpointPage(page, { ...view, refused: answer.problem.detail ?? answer.problem.title }));
  }

  private async act(request: Request, response: Response, params: Record<string, string>, action: 'enable', done: WebhookDone) {
    const { missionId, endpointId } = this.posted(request, params);
    const answer = await new OrganiserApi(this.api, request).call('notifications', `/api/missions/${missionId}/webhooks/${endpointId}/${action}`, {
      method: 'POST',
    });
    if (!answer.ok) throw new ConsoleRefusal(answer.status === 404 ? 'not-found' : 'unavailable');
    response.redirect(303, `/console/m/${missionId}/webhooks/${endpointId}?done=${done}`);
  }

  /** The endpoint a form posts about, once the post is known to come from a page of this site. */
  private posted(request: Request, params: Record<string, string>): { missionId: string; endpointId: string } {
    const target = { missionId: missionIdOf(params.missionId ?? ''), endpointId: idOf(params.endpointId) };
    assertSameOrigin(request, this.config.allowedOrigins);
    return target;
  }

  private async endpointView(request: Request, missionId: string, endpointId: string, cursor: string | undefined) {
    const organiser = new OrganiserApi(this.api, request);
    const base = `/api/missions/${missionId}/webhooks/${endpointId}`;
    const [endpoint, attempts, deliveries] = await Promise.all([
      organiser.read<EndpointItem>('notifications', base),
      organiser.read<ListPage<AttemptItem>>('notifications', `${base}/attempts${queryOf({ cursor, limit: '50' })}`),
      organiser.read<ListPage<DeliveryItem>>('notifications', `${base}/deliveries?limit=20`),
    ]);
    return {
      mission: await organiser.mission(missionId),
      endpoint,
      attempts: { items: attempts.items, cursor, nextCursor: attempts.nextCursor },
      deliveries: deliveries.items,
    };
  }
}
