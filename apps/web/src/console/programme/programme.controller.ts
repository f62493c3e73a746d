import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { isTimeZone } from '../../kit/time.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { formErrorsOf } from '../forms/form-field.js';
import { fieldsOf, idempotencyKeyOf, textOf } from '../forms/posted.js';
import { assertSameOrigin, missionIdOf, OrganiserApi } from '../organiser-api.js';
import { programmeMessages } from './programme.messages.js';
import { programmePage, type ProgrammeView } from './programme.page.js';
import { sessionBody } from './programme-structure.js';
import { create, publishRelease, releasesOf, sessionsOf, venuesOf } from './programme.service.js';
import { translator } from '../../kit/messages.js';

/** `/console/m/:missionId/programme`: the sessions with their fill, and publishing a release (a plain form post, then back to the page). */
@Controller('console/m/:missionId/programme')
@UseFilters(ConsoleRefusalFilter)
export class ProgrammeController {
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
    @Query('published') published?: string,
    @Query('tz') zone?: string,
    @Query('added') added?: string,
  ): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const number = Number(published);
    return programmePage(page, {
      ...(await this.programme(new OrganiserApi(this.api, request), missionId, page.language)),
      viewerZone: isTimeZone(zone) ? zone : undefined,
      published: Number.isInteger(number) && number > 0 ? number : undefined,
      added: added === 'session' || added === 'room' ? added : undefined,
    });
  }

  /** Adds a session (a draft), perhaps inside another: a plain form post, then back to the page, or the page again with the form's errors. */
  @Post('sessions')
  async addSession(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    const values = fieldsOf(body);
    const view = await this.programme(organiser, missionId, page.language);
    const built = sessionBody(values, view.sessions, view.venues ?? [], view.mission.timezone);
    const outcome =
      'errors' in built
        ? {
            saved: false as const,
            problem: {
              type: 'about:blank',
              title: 'Invalid request',
              status: 400,
              errors: Object.entries(built.errors).map(([field, message]) => ({ field, message })),
            },
          }
        : await create(organiser, `/api/missions/${missionId}/sessions`, built.body, idempotencyKeyOf(body));
    if (outcome.saved) return response.redirect(303, `/console/m/${missionId}/programme?added=session`);
    response
      .status(outcome.problem.status >= 500 ? 502 : outcome.problem.status)
      .type('html')
      .send(programmePage(page, { ...view, sessionForm: { values, problem: outcome.problem, errors: formErrorsOf(outcome.problem, fieldOfSession) } }));
  }

  /** Adds a room to one of the mission's venues. */
  @Post('rooms')
  async addRoom(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    const values = fieldsOf(body);
    const capacity = Number(values.capacity);
    const venueId = /^[0-9a-f-]{36}$/i.test(values.venueId ?? '') ? values.venueId : missionId;
    const outcome = await create(
      organiser,
      `/api/missions/${missionId}/venues/${venueId}/rooms`,
      { name: values.name ?? '', capacity: Number.isFinite(capacity) && values.capacity ? capacity : 0 },
      idempotencyKeyOf(body),
    );
    if (outcome.saved) return response.redirect(303, `/console/m/${missionId}/programme?added=room`);
    const view = await this.programme(organiser, missionId, page.language);
    response
      .status(outcome.problem.status >= 500 ? 502 : outcome.problem.status)
      .type('html')
      .send(programmePage(page, { ...view, roomForm: { values, problem: outcome.problem, errors: formErrorsOf(outcome.problem) } }));
  }

  @Post('releases')
  async publish(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    const note = textOf(body, 'note');
    const key = idempotencyKeyOf(body);
    const outcome = await publishRelease(organiser, missionId, note, key);
    if (outcome.published) return response.redirect(303, `/console/m/${missionId}/programme?published=${outcome.number}`);
    const problem =
      outcome.problem.status === 409 ? { ...outcome.problem, detail: translator(programmeMessages, page.language)('nothingToRelease') } : outcome.problem;
    // The same key again would answer the same refusal: the form sent again after a fix needs a new one.
    response
      .status(outcome.problem.status >= 500 ? 502 : outcome.problem.status)
      .type('html')
      .send(programmePage(page, { ...(await this.programme(organiser, missionId, page.language)), note, problem, errors: formErrorsOf(problem) }));
  }

  private async programme(organiser: OrganiserApi, missionId: string, language: string): Promise<Omit<ProgrammeView, 'viewerZone'>> {
    // The sessions call is the organisers' own: it refuses another mission's organiser before anything is read.
    const sessions = await sessionsOf(organiser, missionId, language);
    const [mission, releases, venues] = await Promise.all([
      organiser.mission(missionId),
      releasesOf(organiser, missionId),
      venuesOf(organiser, missionId, language),
    ]);
    return { mission, sessions, releases, venues, idempotencyKey: randomUUID() };
  }
}

/** The API's field paths as the add-a-session form's fields. */
function fieldOfSession(path: string): string {
  if (path.startsWith('titles')) return 'titleZh';
  if (path.startsWith('speakers')) return 'moderator';
  if (path.startsWith('languages')) return 'languages';
  return path;
}
