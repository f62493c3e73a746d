import { Body, Controller, Get, Header, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ORGANISER_COOKIE } from '../../gateway/origin-policy.js';
import { clearSessionCookie, cookiesOf, setSessionCookie } from '../../kit/cookies.js';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { assertSameOrigin } from '../organiser-api.js';
import { OidcClient } from './oidc-client.js';
import { encodeSignInFlow, matchingFlow, newSignInFlow, SIGN_IN_FLOW_SECONDS } from './oidc-flow.rules.js';
import { signInFailurePage, signInPage, type SignInFailure } from './sign-in.page.js';
import { consoleDestination, sessionSecondsLeft } from './sign-in.rules.js';

/** Between leaving for the identity provider and coming back: the flow's state, PKCE verifier and destination. */
const SIGN_IN_FLOW_COOKIE = 'mh_oidc_flow';
const SIGN_IN_FLOW_PATH = '/console/sign-in';

/**
 * `/console/sign-in` and `/console/sign-out`: the organiser's session cookie, `mh_organiser`. With an
 * OIDC issuer, `/console/sign-in/start` and `/callback` get it through the authorization code flow with PKCE.
 */
@Controller('console')
@UseFilters(ConsoleRefusalFilter)
export class SignInController {
  private readonly oidc?: OidcClient;

  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {
    if (config.oidc) this.oidc = new OidcClient(config.oidc);
  }

  @Get('sign-in')
  @Header('content-type', 'text/html; charset=utf-8')
  async show(@Page() page: PageContext, @Query('next') next: unknown, @Query('ended') ended: unknown, @Query('signedOut') signedOut: unknown): Promise<string> {
    const notice = ended ? 'ended' : signedOut ? 'signedOut' : undefined;
    const endSessionUrl = signedOut ? await this.endSessionUrl() : undefined;
    return signInPage(page, {
      next: typeof next === 'string' ? consoleDestination(next) : undefined,
      notice,
      oidcIssuer: this.config.oidcIssuer,
      endSessionUrl,
    });
  }

  /** Leaves for the identity provider, the flow's secrets kept in a short-lived HttpOnly cookie of this path only. */
  @Get('sign-in/start')
  async start(@Page() page: PageContext, @Req() request: Request, @Res() response: Response, @Query('next') next: unknown): Promise<void> {
    if (!this.oidc) return void response.redirect(303, '/console/sign-in');
    const flow = newSignInFlow(typeof next === 'string' ? next : undefined);
    let authorizationUrl: string;
    try {
      authorizationUrl = await this.oidc.authorizationUrl(flow);
    } catch (error) {
      return this.fail(page, response, 502, { kind: 'exchange', reason: error instanceof Error ? error.message : 'no answer' }, flow.next);
    }
    response.cookie(SIGN_IN_FLOW_COOKIE, encodeSignInFlow(flow), {
      httpOnly: true,
      sameSite: 'lax',
      path: SIGN_IN_FLOW_PATH,
      secure: request.secure,
      maxAge: SIGN_IN_FLOW_SECONDS * 1000,
    });
    response.setHeader('cache-control', 'no-store');
    response.redirect(303, authorizationUrl);
  }

  /** Back from the identity provider: the state checked, the code exchanged, the access token judged as the services judge it. */
  @Get('sign-in/callback')
  async callback(@Page() page: PageContext, @Req() request: Request, @Res() response: Response, @Query() query: Record<string, unknown>): Promise<void> {
    // The address holds a code: it leaves in no Referer, and nothing keeps the page.
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('cache-control', 'no-store');
    if (!this.oidc) return void response.redirect(303, '/console/sign-in');
    const flow = matchingFlow(cookiesOf(request)[SIGN_IN_FLOW_COOKIE], query.state);
    // One use only, whatever comes of it.
    response.clearCookie(SIGN_IN_FLOW_COOKIE, { httpOnly: true, sameSite: 'lax', path: SIGN_IN_FLOW_PATH, secure: request.secure });
    if (typeof query.error === 'string') {
      const reason = typeof query.error_description === 'string' ? `${query.error}: ${query.error_description}` : query.error;
      return this.fail(page, response, 401, { kind: 'denied', reason }, flow?.next);
    }
    if (!flow) return this.fail(page, response, 400, { kind: 'state' });
    if (typeof query.code !== 'string' || !query.code) return this.fail(page, response, 400, { kind: 'denied', reason: 'no code' }, flow.next);
    let outcome: Awaited<ReturnType<OidcClient['exchange']>>;
    try {
      outcome = await this.oidc.exchange(query.code, flow);
    } catch (error) {
      outcome = { failed: error instanceof Error ? error.message : 'no answer' };
    }
    if ('failed' in outcome) return this.fail(page, response, 502, { kind: 'exchange', reason: outcome.failed }, flow.next);
    if ('refused' in outcome.verdict) return this.fail(page, response, 403, { kind: 'refused', reason: outcome.verdict.refused }, flow.next);
    const secondsLeft = Math.max(0, outcome.verdict.claims.exp - Math.floor(Date.now() / 1000));
    setSessionCookie(request, response, ORGANISER_COOKIE, outcome.accessToken, { maxAgeSeconds: secondsLeft });
    response.redirect(303, flow.next);
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

  private fail(page: PageContext, response: Response, status: number, failure: SignInFailure, next?: string): void {
    response
      .status(status)
      .type('html')
      .send(signInFailurePage(page, failure, next));
  }

  /** The identity provider's own sign-out, when its discovery document names one; it brings the organiser back to sign-in. */
  private async endSessionUrl(): Promise<string | undefined> {
    if (!this.oidc || !this.config.oidc) return undefined;
    const endpoint = await this.oidc.discover().then(
      (discovery) => discovery.end_session_endpoint,
      () => undefined,
    );
    if (!endpoint) return undefined;
    const url = new URL(endpoint);
    url.searchParams.set('client_id', this.config.oidc.clientId);
    url.searchParams.set('post_logout_redirect_uri', this.config.oidc.redirectUri.replace(/\/callback$/, ''));
    return url.toString();
  }
}
