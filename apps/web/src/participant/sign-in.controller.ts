import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { html } from '../kit/html.js';
import { ServiceApi } from '../kit/service-api.js';
import { linkForm, linkPage } from './link.page.js';
import { crossSite, isUuid, notFound, unavailable } from './participant-access.js';
import { ParticipantApi, problemKind } from './participant-api.js';
import { participantPageOf, sendPage } from './participant-page.js';
import { endSession, isSameOrigin, sessionOf, startSession } from './participant-session.js';

/** How a participant gets in: the e-mailed link, and a new one when that is lost or has expired. */
@Controller()
export class SignInController {
  private readonly api: ParticipantApi;

  constructor(@Inject(ServiceApi) services: ServiceApi) {
    this.api = new ParticipantApi(services);
  }

  /** The link sets the session, then leaves the address bar (and the history) by a redirect. */
  @Get('p/sign-in')
  async signIn(@Req() request: Request, @Res() response: Response) {
    // Whatever the answer, the address holds a credential: no page of it sends it on as a Referer.
    response.set('referrer-policy', 'no-referrer');
    const p = participantPageOf(request, response);
    const link = typeof request.query.link === 'string' ? request.query.link : '';
    const answer = link ? await this.api.startSession(link) : null;
    if (answer?.ok) {
      startSession(request, response, answer.body);
      response.set('cache-control', 'no-store').redirect(303, '/p/');
      return;
    }
    if (answer && answer.status >= 500) return unavailable(response, p);
    const missionId = missionOfLink(link);
    sendPage(response, p, {
      status: 401,
      title: p.t('signIn.refusedTitle'),
      body: html`<p>${p.t('signIn.refused')}</p>
        ${
          missionId
            ? html`<h2>${p.t('link.title')}</h2>
                ${linkForm(p, missionId)}`
            : ''
        }`,
    });
  }

  @Get('p')
  home(@Req() request: Request, @Res() response: Response) {
    const session = sessionOf(request);
    if (session.token && session.registrationId) return response.set('cache-control', 'no-store').redirect(303, `/p/${session.registrationId}/registration`);
    const p = participantPageOf(request, response);
    sendPage(response, p, { status: 401, title: p.t('signIn.title'), body: html`<p>${p.t('signIn.needed')}</p>` });
  }

  @Post('p/sign-out')
  signOut(@Req() request: Request, @Res() response: Response) {
    if (!isSameOrigin(request)) return crossSite(response);
    endSession(request, response);
    const p = participantPageOf(request, response);
    sendPage(response, p, { title: p.t('signIn.title'), body: html`<p role="status">${p.t('signIn.signedOut')}</p>` });
  }

  @Get('m/:missionId/link')
  askForLink(@Req() request: Request, @Res() response: Response, @Param('missionId') missionId: string) {
    const p = participantPageOf(request, response);
    if (!isUuid(missionId)) return notFound(response, p);
    sendPage(response, p, { title: p.t('link.title'), body: linkPage(p, missionId) });
  }

  /** The same answer whether or not the address is registered: the page tells no one who is. */
  @Post('m/:missionId/link')
  async sendLink(@Req() request: Request, @Res() response: Response, @Param('missionId') missionId: string) {
    const p = participantPageOf(request, response);
    if (!isUuid(missionId)) return notFound(response, p);
    const email = typeof request.body?.email === 'string' ? request.body.email.trim() : '';
    const answer = await this.api.sendLinkAgain(missionId, email, request.ip);
    if (answer.ok) return sendPage(response, p, { title: p.t('link.sentTitle'), body: html`<p role="status">${p.t('link.sent')}</p>` });
    if (answer.status === 400 && answer.fieldErrors.email) {
      return sendPage(response, p, { status: 400, title: p.t('link.title'), body: linkPage(p, missionId, { email, error: p.t('link.invalidEmail') }) });
    }
    if (answer.status === 429 || problemKind(answer.problem) === 'rate-limited') {
      const retryAfter = answer.problem.retryAfterSeconds;
      if (typeof retryAfter === 'number') response.set('retry-after', String(retryAfter));
      return sendPage(response, p, { status: 429, title: p.t('link.title'), body: html`<p role="alert">${p.t('link.tooMany')}</p>` });
    }
    if (answer.status === 404) return sendPage(response, p, { status: 404, title: p.t('link.title'), body: html`<p>${p.t('link.unknownMission')}</p>` });
    unavailable(response, p);
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
