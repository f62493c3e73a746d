import { problemTypeUri, PROBLEM_CONTENT_TYPE } from '#common';
import type { NextFunction, Request, Response } from 'express';
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { readCookies } from '../kit/cookies.js';
import type { UpstreamService, WebConfig } from '../web-config.js';
import { credentialFor, requestSite } from './origin-policy.js';
import { owningService } from './route-table.js';
import { nextUpstream } from './upstreams.js';

/** Headers of one connection, not of the message (RFC 9110 §7.6.1): never forwarded either way. */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
/** What a cross-origin page may send and read. */
const CORS_REQUEST_HEADERS = 'Content-Type, Authorization, Idempotency-Key, Accept-Language, Last-Event-ID';
const CORS_EXPOSED_HEADERS = 'Location, Retry-After, X-Request-Id, Idempotent-Replayed';
const CORS_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/**
 * `/api/…`: forwarded to the service that owns the path (route table), bodies streamed both ways
 * without buffering (the dashboard's SSE stream included); the upstream request ends when the
 * client goes. CORS for the allowed origins only; a session cookie becomes a bearer token for
 * same-origin calls only. Mounted before any body parser.
 */
export function gateway(config: WebConfig) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const path = request.originalUrl.split('?')[0];
    if (!path.startsWith('/api/') && path !== '/api') return next();
    const ownOrigin = `${request.protocol}://${request.get('host')}`;
    const site = requestSite(request.headers, ownOrigin, config.allowedOrigins);

    if (site === 'allowed-origin') {
      response.setHeader('Access-Control-Allow-Origin', request.headers.origin!);
      response.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS);
    }
    response.vary('Origin');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      if (site !== 'allowed-origin') return sendProblem(response, 403, 'origin-not-allowed', 'This origin may not call the API', request.originalUrl);
      response.setHeader('Access-Control-Allow-Methods', CORS_METHODS);
      response.setHeader('Access-Control-Allow-Headers', CORS_REQUEST_HEADERS);
      response.setHeader('Access-Control-Max-Age', '600');
      response.status(204).end();
      return;
    }
    // A page of another origin gets no answer it could read; one that changes something does not reach a service at all.
    if (site === 'other-origin' && request.headers.origin && !['GET', 'HEAD'].includes(request.method)) {
      return sendProblem(response, 403, 'origin-not-allowed', 'This origin may not call the API', request.originalUrl);
    }

    const service = owningService(path);
    if (!service) return sendProblem(response, 404, 'not-found', 'No service has this path', request.originalUrl);
    forward(request, response, service, config, site);
  };
}

function forward(request: Request, response: Response, service: UpstreamService, config: WebConfig, site: ReturnType<typeof requestSite>): void {
  const target = new URL(request.originalUrl, nextUpstream(config, service));
  const headers: OutgoingHttpHeaders = withoutHopByHop(request.headers);
  // Session cookies are the web entry's: a service takes credentials as Authorization only.
  delete headers.cookie;
  delete headers['x-mission-hub-session'];
  delete headers.host;
  const credential = credentialFor(request.headers, readCookies(request.headers.cookie), site);
  if (credential) headers.authorization = credential;
  else delete headers.authorization;
  const forwardedFor = request.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = [forwardedFor, request.socket.remoteAddress].filter(Boolean).join(', ');
  headers['x-forwarded-proto'] = request.protocol;
  headers['x-forwarded-host'] = request.get('host') ?? '';

  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: request.method, headers, agent: target.protocol === 'https:' ? agents.https : agents.http });

  upstream.on('response', (answer) => {
    if (response.headersSent) return answer.destroy();
    const answerHeaders = withoutHopByHop(answer.headers);
    // CORS is the web entry's to answer, never a service's.
    for (const name of Object.keys(answerHeaders)) if (name.startsWith('access-control-')) delete answerHeaders[name];
    for (const [name, value] of Object.entries(answerHeaders)) if (value !== undefined) response.setHeader(name, value);
    response.status(answer.statusCode ?? 502);
    // An event stream goes out event by event.
    response.flushHeaders();
    answer.pipe(response);
    answer.on('error', () => response.destroy());
  });
  upstream.on('error', (error) => {
    if (response.headersSent) return response.destroy();
    // The request's own logger (pino-http's), so the line carries the request id.
    request.log.warn({ service, path: target.pathname, err: { message: error.message, code: (error as NodeJS.ErrnoException).code } }, 'service unreachable');
    sendProblem(response, 502, 'service-unavailable', `The ${service} service is unavailable; try again shortly`, request.originalUrl);
  });
  // The client went before the answer ended (a closed stream, a closed tab): so does the upstream request.
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const copy: OutgoingHttpHeaders = { ...headers };
  for (const name of [...HOP_BY_HOP, ...named]) delete copy[name];
  return copy;
}

function sendProblem(response: Response, status: number, kind: string, title: string, instance: string): void {
  response
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ type: problemTypeUri(kind), title, status, instance: instance.split('?')[0] }));
}
