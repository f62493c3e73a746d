import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Caller } from '../auth/caller.js';
import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { Problem } from '../problems/problem.js';
import { rateLimitHeaders, RateLimitCounter, type RateLimitDecision, type RateLimitPolicy } from './rate-limit.rules.js';

/** What a limit counts by: the client's address, the mission in the path, or the participant calling (organisers are not counted). */
export type RateLimitKey = 'client' | 'mission' | 'participant';

const RATE_LIMITS = 'mission-hub:rate-limits';

/** Limits a route by the named policy (defaults in `DEFAULT_RATE_LIMITS`, overridden by `RATE_LIMITS`); stack several. */
export function RateLimit(name: string, per: RateLimitKey): MethodDecorator {
  return (target, property, descriptor) => {
    const existing: { name: string; per: RateLimitKey }[] = Reflect.getMetadata(RATE_LIMITS, descriptor.value as object) ?? [];
    Reflect.defineMetadata(RATE_LIMITS, [...existing, { name, per }], descriptor.value as object);
    return descriptor;
  };
}

/**
 * Runs after the auth guard (it may count by caller). Counters live in this instance's memory: with
 * N instances behind a balancer a client gets up to N times the limit (docs/reliability.md).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly counter = new RateLimitCounter();

  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const limits = this.reflector.get<{ name: string; per: RateLimitKey }[] | undefined>(RATE_LIMITS, context.getHandler());
    if (!limits?.length) return true;
    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const response = context.switchToHttp().getResponse<Response>();
    const now = Date.now();
    let tightest: { name: string; policy: RateLimitPolicy; decision: RateLimitDecision } | undefined;
    for (const { name, per } of limits) {
      const policy = this.config.rateLimits[name];
      // Turned off by RATE_LIMITS.
      if (!policy) continue;
      const key = keyOf(request, per);
      if (key === null) continue;
      const decision = this.counter.take(`${name}:${key}`, policy, now);
      if (!tightest || (!decision.allowed && tightest.decision.allowed) || decision.remaining < tightest.decision.remaining)
        tightest = { name, policy, decision };
      if (!decision.allowed) break;
    }
    if (!tightest) return true;
    const { name, policy, decision } = tightest;
    for (const [header, value] of Object.entries(rateLimitHeaders(name, policy, decision))) response.setHeader(header, value);
    if (!decision.allowed)
      throw Problem.tooManyRequests(`At most ${policy.limit} such requests per ${policy.windowSeconds} s (${name}).`, decision.resetSeconds);
    return true;
  }
}

/** null: this request is not counted by that key. */
function keyOf(request: Request & { caller?: Caller }, per: RateLimitKey): string | null {
  if (per === 'client') return request.ip ?? request.socket.remoteAddress ?? 'unknown';
  if (per === 'mission') return String(request.params?.missionId ?? request.params?.id ?? 'none');
  return request.caller?.kind === 'participant' ? request.caller.registrationId : null;
}
