import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { translator } from '../../kit/messages.js';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { consolePath } from '../console.layout.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { assertSameOrigin, missionIdOf, OrganiserApi, type ConsoleMission } from '../organiser-api.js';
import { broadcastsMessages } from './broadcasts.messages.js';
import {
  audienceTypes,
  broadcastsPage,
  instantIn,
  mailLanguages,
  type BroadcastForm,
  type BroadcastItem,
  type BroadcastPreview,
  type BroadcastsView,
} from './broadcasts.page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notices = ['done_created', 'done_cancelled', 'failed_gone', 'failed_unknown'] as const;

/** `/console/m/:missionId/broadcasts`: notifications' broadcasts of the mission, written, previewed, scheduled, cancelled and watched. */
@Controller('console/m/:missionId/broadcasts')
@UseFilters(ConsoleRefusalFilter)
export class BroadcastsController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async list(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string, @Query() query: Record<string, unknown>) {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    const t = translator(broadcastsMessages, page.language);
    // The address says what happened by a code only: it never carries text to show.
    const code = notices.find((candidate) => query.notice === candidate);
    const notice = code ? { ok: code.startsWith('done'), text: t(code) } : undefined;
    return broadcastsPage(page, { ...(await this.state(organiser, missionId)), form: {}, notice });
  }

  /** The form: `action=preview` shows who it would reach; `action=send` schedules it (now, or at `sendAt`). */
  @Post()
  async write(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: BroadcastForm,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    const t = translator(broadcastsMessages, page.language);
    const state = await this.state(organiser, missionId);
    const input = inputOf(body, state.mission);
    const render = (view: Partial<BroadcastsView>) => {
      response.type('html').send(broadcastsPage(page, { ...state, form: body, ...view }));
    };
    if (first(body.action) === 'preview') {
      const { sendAt: _sendAt, ...written } = input;
      const answer = await organiser.call<BroadcastPreview>('notifications', `/api/missions/${missionId}/broadcasts/preview?limit=100`, {
        method: 'POST',
        body: written,
      });
      if (answer.ok) return render({ preview: answer.body });
      return render({ notice: { ok: false, text: t('invalid', { fields: Object.keys(answer.fieldErrors).join(', ') || answer.problem.detail || '' }) } });
    }
    const answer = await organiser.call<BroadcastItem>('notifications', `/api/missions/${missionId}/broadcasts`, { method: 'POST', body: input });
    if (!answer.ok)
      return render({ notice: { ok: false, text: t('invalid', { fields: Object.keys(answer.fieldErrors).join(', ') || answer.problem.detail || '' }) } });
    response.redirect(303, `${consolePath(missionId, 'broadcasts')}?notice=done_created`);
  }

  @Post(':broadcastId/cancel')
  async cancel(@Req() request: Request, @Res() response: Response, @Param('missionId') missionParam: string, @Param('broadcastId') broadcastId: string) {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    let notice: (typeof notices)[number] = 'failed_unknown';
    if (UUID.test(broadcastId)) {
      const answer = await organiser.call('notifications', `/api/missions/${missionId}/broadcasts/${broadcastId}/cancel`, { method: 'POST', body: {} });
      notice = answer.ok ? 'done_cancelled' : answer.status === 409 ? 'failed_gone' : 'failed_unknown';
    }
    response.redirect(303, `${consolePath(missionId, 'broadcasts')}?notice=${notice}`);
  }

  private async state(organiser: OrganiserApi, missionId: string): Promise<{ mission: ConsoleMission; items: BroadcastItem[] }> {
    const { items } = await organiser.read<{ items: BroadcastItem[] }>('notifications', `/api/missions/${missionId}/broadcasts`);
    return { mission: await organiser.mission(missionId), items };
  }
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function list(value: string | string[] | undefined): string[] {
  return [value ?? []]
    .flat()
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** The API's body from the form; what is wrong in it is for notifications to name. */
function inputOf(form: BroadcastForm, mission: ConsoleMission) {
  const type = audienceTypes.find((candidate) => candidate === first(form.audienceType)) ?? 'mission';
  const selector =
    type === 'delegations'
      ? { type, delegationIds: list(form.delegationIds) }
      : type === 'categories'
        ? { type, categories: list(form.categories) }
        : type === 'session'
          ? { type, sessionId: first(form.sessionId), enrolment: list(form.enrolment) }
          : type === 'meetings'
            ? {
                type,
                from: instantIn(first(form.from), mission.timezone) ?? first(form.from),
                to: instantIn(first(form.to), mission.timezone) ?? first(form.to),
              }
            : { type };
  const texts = Object.fromEntries(
    mailLanguages.flatMap((language) => {
      const subject = first(form[`subject_${language}`]);
      const body = first(form[`body_${language}`]);
      return subject || body ? [[language, { subject, body }]] : [];
    }),
  );
  const sendAt = first(form.sendAt);
  const statuses = list(form.statuses);
  return {
    audience: { anyOf: [selector], ...(statuses.length > 0 ? { statuses } : {}) },
    texts,
    defaultLanguage: first(form.defaultLanguage) || 'en',
    ...(sendAt ? { sendAt: instantIn(sendAt, mission.timezone) ?? sendAt } : {}),
  };
}
