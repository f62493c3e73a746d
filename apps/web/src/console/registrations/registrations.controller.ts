import type { Page as ListPage } from '#common';
import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { translator } from '../../kit/messages.js';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { consolePath } from '../console.layout.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { assertSameOrigin, ConsoleRefusal, missionIdOf, OrganiserApi, queryOf } from '../organiser-api.js';
import { registrationsMessages } from './registrations.messages.js';
import {
  fullName,
  registrationRow,
  registrationsPage,
  registrationStatuses,
  statusText,
  type DecisionNotice,
  type RegistrationFilters,
  type RegistrationItem,
} from './registrations.page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The list's filters as typed: a country in capitals; the service checks them and names what is wrong. */
function filtersOf(query: Record<string, unknown>): RegistrationFilters {
  return { status: text(query.status), delegation: text(query.delegation), country: text(query.country)?.toUpperCase() };
}

/**
 * `/console/m/:missionId/registrations`: the list (registration's organiser list), and approve and
 * reject as form posts that come back to the list, or answer the new row to the page's script.
 */
@Controller('console/m/:missionId/registrations')
@UseFilters(ConsoleRefusalFilter)
export class RegistrationsController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async list(
    @Page() page: PageContext,
    @Req() request: Request,
    @Param('missionId') missionParam: string,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    const filters = filtersOf(query);
    const cursor = text(query.cursor);
    const answer = await organiser.call<ListPage<RegistrationItem>>(
      'registration',
      `/api/missions/${missionId}/registrations${queryOf({ ...filters, cursor, limit: '50' })}`,
    );
    if (!answer.ok && answer.status !== 400) throw new ConsoleRefusal(answer.status === 404 ? 'not-found' : 'unavailable');
    const [mission, summary] = await Promise.all([
      organiser.mission(missionId),
      organiser.call<{ registrations: { byDelegation: { delegation: string | null }[] } }>('dashboard', `/api/missions/${missionId}/summary`),
    ]);
    const delegations = summary.ok ? summary.body.registrations.byDelegation.flatMap((row) => (row.delegation ? [row.delegation] : [])) : [];
    return registrationsPage(page, {
      mission,
      items: answer.ok ? answer.body.items : [],
      nextCursor: answer.ok ? answer.body.nextCursor : null,
      filters,
      cursor,
      fieldErrors: answer.ok ? {} : answer.fieldErrors,
      delegations,
      notice: redirectNotice(page, query),
      returnTo: `${consolePath(missionId, 'registrations')}${queryOf({ ...filters, cursor })}`,
    });
  }

  @Post(':registrationId/approve')
  approve(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Param('registrationId') registrationId: string,
    @Body() body: Record<string, unknown>,
  ) {
    return this.decide(page, request, response, missionParam, registrationId, body, 'approve');
  }

  @Post(':registrationId/reject')
  reject(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Param('registrationId') registrationId: string,
    @Body() body: Record<string, unknown>,
  ) {
    return this.decide(page, request, response, missionParam, registrationId, body, 'reject');
  }

  private async decide(
    page: PageContext,
    request: Request,
    response: Response,
    missionParam: string,
    registrationId: string,
    body: Record<string, unknown>,
    verb: 'approve' | 'reject',
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const base = consolePath(missionId, 'registrations');
    const returnTo = typeof body?.returnTo === 'string' && body.returnTo.startsWith(base) && !/[\\\r\n]/.test(body.returnTo) ? body.returnTo : base;
    const organiser = new OrganiserApi(this.api, request);
    const outcome = await this.decision(organiser, registrationId, verb, text(body?.reason));

    if (request.accepts(['html', 'json']) === 'json') {
      const item = outcome.kind === 'done' ? outcome.item : undefined;
      const row = item && item.missionId === missionId ? registrationRow(page, await organiser.mission(missionId), item, returnTo).toString() : undefined;
      const notice = noticeOf(page, outcome);
      response.status(notice.ok ? 200 : outcome.kind === 'failed' ? 502 : 409).json({ ok: notice.ok, notice: notice.text, row });
      return;
    }
    // Without JavaScript: back to the list the form was on, which says what happened (by code: the address never carries text to show).
    const query =
      outcome.kind === 'done'
        ? { done: verb, now: outcome.item.status }
        : { failed: outcome.kind, now: outcome.kind === 'conflict' ? outcome.status : undefined };
    const extra = queryOf(query).slice(1);
    response.redirect(303, `${returnTo}${returnTo.includes('?') ? '&' : '?'}${extra}`);
  }

  private async decision(organiser: OrganiserApi, registrationId: string, verb: 'approve' | 'reject', reason: string | undefined): Promise<DecisionOutcome> {
    if (!UUID.test(registrationId)) return { kind: 'unknown' };
    if (verb === 'reject' && !reason) return { kind: 'reasonRequired' };
    const answer = await organiser.call<RegistrationItem>('registration', `/api/registrations/${registrationId}/${verb}`, {
      method: 'POST',
      body: verb === 'reject' ? { reason } : undefined,
    });
    if (answer.ok) return { kind: 'done', verb, item: answer.body };
    if (answer.status === 404) return { kind: 'unknown' };
    if (answer.status === 409) return { kind: 'conflict', status: typeof answer.problem.currentStatus === 'string' ? answer.problem.currentStatus : '' };
    if (answer.status === 400) return { kind: 'reasonInvalid' };
    return { kind: 'failed' };
  }
}

type DecisionOutcome =
  | { kind: 'done'; verb: 'approve' | 'reject'; item: RegistrationItem }
  | { kind: 'conflict'; status: string }
  | { kind: 'unknown' | 'reasonRequired' | 'reasonInvalid' | 'failed' };

function noticeOf(page: PageContext, outcome: DecisionOutcome): DecisionNotice {
  const t = translator(registrationsMessages, page.language);
  switch (outcome.kind) {
    case 'done': {
      const name = fullName(outcome.item);
      const status = statusText(page, outcome.item.status);
      return { ok: true, text: outcome.verb === 'approve' ? t('approved', { name, status }) : t('rejected', { name }) };
    }
    case 'conflict':
      return { ok: false, text: t('conflict', { status: statusText(page, outcome.status) }) };
    default:
      return { ok: false, text: t(outcome.kind) };
  }
}

/** What the decision made before this redirect came to (`?done=approve&now=confirmed`, `?failed=conflict&now=rejected`: never `status`, the list's own filter). */
function redirectNotice(page: PageContext, query: Record<string, unknown>): DecisionNotice | undefined {
  const t = translator(registrationsMessages, page.language);
  const status = text(query.now) ?? '';
  const known = (registrationStatuses as readonly string[]).includes(status) ? status : '';
  const failed = text(query.failed);
  if (failed === 'conflict') return noticeOf(page, { kind: 'conflict', status: known });
  if (failed === 'unknown' || failed === 'reasonRequired' || failed === 'reasonInvalid' || failed === 'failed') return noticeOf(page, { kind: failed });
  if (text(query.done) && known) return { ok: true, text: t('done', { status: statusText(page, known) }) };
  return undefined;
}
