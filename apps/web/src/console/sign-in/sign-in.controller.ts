import { Body, Controller, Get, Header, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ORGANISER_COOKIE } from '../../gateway/origin-policy.js';
import { clearSessionCookie, setSessionCookie } from '../../kit/cookies.js';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { assertSameOrigin } from '../organiser-api.js';
import { signInPage } from './sign-in.page.js';
import { consoleDestination, sessionSecondsLeft } from './sign-in.rules.js';

/** `/console/sign-in` and `/console/sign-out`: the organiser's session cookie, `mh_organiser`. */
@Controller('console')
@UseFilters(ConsoleRefusalFilter)
export class SignInController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get('sign-in')
  @Header('content-type', 'text/html; charset=utf-8')
  show(@Page() page: PageContext, @Query('next') next: unknown, @Query('ended') ended: unknown, @Query('signedOut') signedOut: unknown): string {
    const notice = ended ? 'ended' : signedOut ? 'signedOut' : undefined;
    return signInPage(page, { next: typeof next === 'string' ? consoleDestination(next) : undefined, notice, oidcIssuer: this.config.oidcIssuer });
  }

  /** Takes the token only once a service has accepted it (the missions list answers 401 to anything else). */
  @Post('sign-in')
  async signIn(@Page() page: PageContext, @Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>): Promise<void> {
    assertSameOrigin(request, this.config.allowedOrigins);
    const next = consoleDestination(typeof body?.next === 'string' ? body.next : undefined);
    if (this.config.oidcIssuer)
      return void response
        .status(403)
        .type('html')
        .send(signInPage(page, { oidcIssuer: this.config.oidcIssuer }));
    const token = typeof body?.token === 'string' ? body.token.trim().replace(/^Bearer\s+/i, '') : '';
    const refuse = (error: 'required' | 'invalid') =>
      void response
        .status(error === 'required' ? 400 : 401)
        .type('html')
        .send(signInPage(page, { next, error }));
    if (!token || /\s/.test(token)) return refuse(token ? 'invalid' : 'required');
    const secondsLeft = sessionSecondsLeft(token, new Date());
    if (secondsLeft === 0) return refuse('invalid');
    const check = await this.api.call('scheduling', '/api/missions?limit=1', { credential: `Bearer ${token}` });
    if (check.status === 401 || check.status === 403) return refuse('invalid');
    setSessionCookie(request, response, ORGANISER_COOKIE, token, { maxAgeSeconds: secondsLeft });
    response.redirect(303, next);
  }

  @Post('sign-out')
  signOut(@Req() request: Request, @Res() response: Response): void {
    assertSameOrigin(request, this.config.allowedOrigins);
    clearSessionCookie(request, response, ORGANISER_COOKIE);
    response.redirect(303, '/console/sign-in?signedOut=1');
  }
}
