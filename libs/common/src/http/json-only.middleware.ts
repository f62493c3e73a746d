import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemTypeUri } from '../problems/problem.js';

/**
 * A body in anything but JSON would reach the handlers as `{}` and be reported field by field as
 * missing; say what is really wrong instead.
 */
export function jsonBodiesOnly(request: Request, response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  // A Buffer is a raw body that a route declared it takes (ServiceApplicationOptions.rawBodies).
  if (!hasBody || Buffer.isBuffer(request.body) || request.is(['application/json', 'application/*+json'])) return next();
  response
    .status(415)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: problemTypeUri('unsupported-media-type'),
        title: 'Unsupported media type',
        status: 415,
        detail: `Send the body as application/json, not ${request.headers['content-type'] ?? 'without a content type'}.`,
        instance: request.originalUrl,
      }),
    );
}
