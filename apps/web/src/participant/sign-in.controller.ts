import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { html } from './html.js';
import { linkForm, linkPage } from './link.page.js';
import { crossSite, isUuid, notFound, unavailable } from './participant-access.js';
import { ParticipantApi, problemKind } from './participant-api.js';
import { contextOf, sendPage } from './participant-page.js';
import { endSession, isSameOrigin, sessionOf, startSession } from './participant-session.js';

/** How a participant gets in: the e-mailed link, and a new one when that is lost or has expired. */
@Controller()
export class SignInController {
  constructor(@Inject(ParticipantApi) private readonly api: ParticipantApi) {}

  /** The link sets the session, then leaves the address bar (and the history) by a redirect. */
  @Get('p/sign-in')
  async signIn(@Req() request: Request, @Res() response: Response) {
    const context = contextOf(request);
    const link = typeof request.query.link === 'string' ? request.query.link : '';
    const answer = link ? await this.api.startSession(link) : null;
    if (answer?.ok) {
      startSession(request, response, answer.body);
      response.set({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' }).redirect(303, '/p/');
      return;
    }
    if (answer && answer.status >= 500) return unavailable(response, context);
    const missionId = missionOfLink(link);
    const { t } = context;
    sendPage(response, context, {
      status: 401,
      title: t.signIn.refusedTitle,
      body: html`<p>${t.signIn.refused}</p>
        ${
          missionId
            ? html`<h2>${t.link.title}</h2>
                ${linkForm(context, missionId)}`
            : ''
        }`,
    });
  }

  @Get('p')
  home(@Req() request: Request, @Res() response: Response) {
    const session = sessionOf(request);
    if (session.token && session.registrationId) return response.set('cache-control', 'no-store').redirect(303, `/p/${session.registrationId}/registration`);
    const context = contextOf(request);
    sendPage(response, context, { status: 401, title: context.t.signIn.title, body: html`<p>${context.t.signIn.needed}</p>` });
  }

  @Post('p/sign-out')
  signOut(@Req() request: Request, @Res() response: Response) {
    if (!isSameOrigin(request)) return crossSite(response);
    endSession(request, response);
    const context = contextOf(request);
    sendPage(response, context, { title: context.t.signIn.title, body: html`<p>${context.t.signIn.signedOut}</p>` });
  }

  @Get('m/:missionId/link')
  askForLink(@Req() request: Request, @Res() response: Response, @Param('missionId') missionId: string) {
    const context = contextOf(request);
    if (!isUuid(missionId)) return notFound(response, context);
    sendPage(response, context, { title: context.t.link.title, body: linkPage(context, missionId) });
  }

  /** The same answer whether or not the address is registered: the page tells no one who is. */
  @Post('m/:missionId/link')
  async sendLink(@Req() request: Request, @Res() response: Response, @Param('missionId') missionId: string) {
    const context = contextOf(request);
    const { t } = context;
    if (!isUuid(missionId)) return notFound(response, context);
    const email = typeof request.body?.email === 'string' ? request.body.email.trim() : '';
    const answer = await this.api.sendLinkAgain(missionId, email, request.ip);
    if (answer.ok) return sendPage(response, context, { title: t.link.sentTitle, body: html`<p role="status">${t.link.sent}</p>` });
    if (answer.status === 400 && (answer.problem.errors ?? []).some((error) => error.field === 'email')) {
      return sendPage(response, context, { status: 400, title: t.link.title, body: linkPage(context, missionId, { email, error: t.link.invalidEmail }) });
    }
    if (answer.status === 429 || problemKind(answer.problem) === 'rate-limited') {
      return sendPage(response, context, { status: 429, title: t.link.title, body: html`<p role="alert">${t.link.tooMany}</p>` });
    }
    if (answer.status === 404) return sendPage(response, context, { status: 404, title: t.link.title, body: html`<p>${t.link.unknownMission}</p>` });
    unavailable(response, context);
  }
}

/** The mission a refused link was for, read from its claims without trusting them: only to offer the form that asks that mission for a new link. */
function missionOfLink(link: string): string | null {
  try {
    const claims: unknown = JSON.parse(Buffer.from(link.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const mission = (claims as { mission?: unknown }).mission;
    return isUuid(mission) ? mission : null;
  } catch {
    return null;
  }
}
