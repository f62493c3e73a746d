import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { organiserTokenVerifier } from '../auth/organiser-token.js';
import type { ServiceConfig } from '../config/service-config.js';
import { PROBLEM_CONTENT_TYPE, problemTypeUri } from '../problems/problem.js';

/**
 * Before an upload's body is read: refuse a caller who is not an organiser, and a declared length
 * over the limit, answering at once and closing the connection, so that neither a stranger's nor an
 * oversized document is taken into memory. The route's own guard still decides for which mission.
 */
export function uploadGate(config: ServiceConfig, limit: string): RequestHandler {
  const verify = organiserTokenVerifier({ secret: config.jwtSecret, oidc: config.oidc, maxLifetimeSeconds: config.organiserTokenMaxLifetimeSeconds });
  const maxBytes = bytesOf(limit);
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'POST' && request.method !== 'PUT') return next();
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) return refuse(request, response, 413, 'body-too-large', 'The body is too large', `At most ${limit}.`);
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) return refuse(request, response, 401, 'unauthorized', 'Unauthorized', 'A valid bearer token is required before a document is sent.');
    verify(token).then(
      (verdict) =>
        'refused' in verdict ? refuse(request, response, 401, 'unauthorized', 'Unauthorized', `The bearer token is not valid: ${verdict.refused}.`) : next(),
      next,
    );
  };
}

function refuse(request: Request, response: Response, status: number, kind: string, title: string, detail: string): void {
  // The rest of the body is never read: the connection goes with the answer.
  response.setHeader('Connection', 'close');
  response
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ type: problemTypeUri(kind), title, status, detail, instance: request.originalUrl }));
}

/** `512kb`, `20mb`: the size limits body parsers take, as bytes. */
export function bytesOf(limit: string): number {
  const match = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(limit.trim());
  if (!match) throw new Error(`not a size: ${limit}`);
  return Number(match[1]) * 1024 ** ['b', 'kb', 'mb', 'gb'].indexOf((match[2] ?? 'b').toLowerCase());
}
