import { problemTypeUri, type ProblemDetails } from '#common';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { WEB_CONFIG } from '../web-config.provider.js';
import type { UpstreamService, WebConfig } from '../web-config.js';
import { cookiesOf } from './cookies.js';
import { ORGANISER_COOKIE, PARTICIPANT_COOKIE } from '../gateway/origin-policy.js';
import { nextUpstream } from '../gateway/upstreams.js';

export type ApiAnswer<Body> =
  { ok: true; status: number; body: Body; headers: Headers } | { ok: false; status: number; problem: ProblemDetails; fieldErrors: Record<string, string> };

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON body. */
  body?: unknown;
  /** `Bearer …`, from `credentialOf`, or none for a public call. */
  credential?: string;
  headers?: Record<string, string>;
}

/** The bearer credential of a page's visitor: their participant or organiser session cookie. */
export function credentialOf(request: Request, session: 'participant' | 'organiser'): string | undefined {
  const token = cookiesOf(request)[session === 'participant' ? PARTICIPANT_COOKIE : ORGANISER_COOKIE];
  return token ? `Bearer ${token}` : undefined;
}

/** The problem's field errors by field (the first message of each), to show beside the form's fields. */
export function fieldErrorsOf(problem: ProblemDetails): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of problem.errors ?? []) errors[field] ??= message;
  return errors;
}

/**
 * How a page handler calls a service's HTTP API (never its tables): straight to the service,
 * with the visitor's credential, answering the body or the problem with its field errors.
 */
@Injectable()
export class ServiceApi {
  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {}

  async call<Body = unknown>(service: UpstreamService, path: string, call: ApiCall = {}): Promise<ApiAnswer<Body>> {
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.credential) headers.authorization = call.credential;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let response: globalThis.Response;
    try {
      response = await fetch(`${nextUpstream(this.config, service)}${path}`, {
        method: call.method ?? 'GET',
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
    } catch {
      const problem = { type: problemTypeUri('service-unavailable'), title: `The ${service} service is unavailable`, status: 502 };
      return { ok: false, status: 502, problem, fieldErrors: {} };
    }
    const text = await response.text();
    const body = text && /json/.test(response.headers.get('content-type') ?? '') ? (JSON.parse(text) as unknown) : text;
    if (response.ok) return { ok: true, status: response.status, body: body as Body, headers: response.headers };
    const problem =
      typeof body === 'object' && body !== null
        ? (body as ProblemDetails)
        : { type: problemTypeUri('error'), title: response.statusText || 'Error', status: response.status };
    return { ok: false, status: response.status, problem, fieldErrors: fieldErrorsOf(problem) };
  }
}
