import { Inject, Injectable, Optional, SetMetadata, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { Problem } from '../problems/problem.js';
import type { Caller } from './caller.js';
import { organiserTokenVerifier, type OrganiserTokenVerifier } from './organiser-token.js';
import { PARTICIPANT_TOKEN_RESOLVER, hashParticipantToken, looksLikeParticipantToken, type ParticipantTokenResolver } from './participant-token.js';

type CallerKind = Exclude<Caller['kind'], 'anonymous'>;
const ACCESS = 'mission-hub:access';
const TOKEN_IN_QUERY = 'mission-hub:token-in-query';

/** Who may call a route; a route without it is public. Mission-level checks stay in the use case. */
export const Access = (...kinds: CallerKind[]) => SetMetadata(ACCESS, kinds);

/**
 * The route also takes its token as `?access_token=`, for EventSource, which cannot send headers.
 * Only where needed: a token in a URL ends up in proxies' logs and browsers' history.
 */
export const TokenInQuery = () => SetMetadata(TOKEN_IN_QUERY, true);

/** The caller the guard established. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<Request & { caller?: Caller }>().caller ?? { kind: 'anonymous' };
});

/** The one auth guard: organiser JWTs and participants' opaque tokens, as a header (or `?access_token=` where `TokenInQuery`). */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verifyOrganiser: OrganiserTokenVerifier;

  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Optional() @Inject(PARTICIPANT_TOKEN_RESOLVER) private readonly participants?: ParticipantTokenResolver,
  ) {
    this.verifyOrganiser = organiserTokenVerifier({ secret: config.jwtSecret, oidc: config.oidc, maxLifetimeSeconds: config.organiserTokenMaxLifetimeSeconds });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const targets = [context.getHandler(), context.getClass()];
    const allowed = this.reflector.getAllAndOverride<CallerKind[] | undefined>(ACCESS, targets);
    const token = bearerToken(request, this.reflector.getAllAndOverride<boolean | undefined>(TOKEN_IN_QUERY, targets) === true);
    const identified: { caller: Caller; refused?: string } = token ? await this.identify(token) : { caller: { kind: 'anonymous' } };
    request.caller = identified.caller;
    // A token that is presented must be valid, also on a public route: quietly serving the anonymous view would hide an expired or forged one.
    if (identified.refused) throw Problem.unauthorized(`The bearer token is not valid: ${identified.refused}.`);
    if (!allowed) return true;
    if (request.caller.kind === 'anonymous') throw Problem.unauthorized();
    if (!allowed.includes(request.caller.kind)) throw Problem.forbidden();
    return true;
  }

  private async identify(token: string): Promise<{ caller: Caller; refused?: string }> {
    if (looksLikeParticipantToken(token)) {
      const holder = await this.participants?.resolve(hashParticipantToken(token));
      return holder ? { caller: { kind: 'participant', ...holder } } : { caller: { kind: 'anonymous' }, refused: 'unknown or revoked participant token' };
    }
    const verdict = await this.verifyOrganiser(token);
    if ('refused' in verdict) return { caller: { kind: 'anonymous' }, refused: verdict.refused };
    const { claims } = verdict;
    return { caller: { kind: 'organiser', subject: claims.sub, missions: claims.missions, expiresAt: claims.exp * 1000 } };
  }
}

function bearerToken(request: Request, queryAllowed: boolean): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  if (!queryAllowed) return undefined;
  const query = request.query?.access_token;
  return typeof query === 'string' && query ? query : undefined;
}
