import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiResponse, type ContentObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemTypeUri } from './problem.js';

/** The body of every error response in an OpenAPI document: one filter answers them all (the `Problem` schema is added by `createServiceApplication`). */
export function problemContent(): ContentObject {
  return { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };
}

/**
 * A problem that a call answers, by its status and the `type` a client branches on (`kind`, as the
 * code throws it). The problems of one status share its response, their descriptions one after the other.
 */
export const ApiProblem = (status: HttpStatus, kind: string, when: string) =>
  ApiResponse({ status, description: `\`${problemTypeUri(kind)}\`: ${when}`, content: problemContent() });

/** What the auth guard and the checks of the caller answer, for a call that needs a token; `forbidden` says who may call it. */
export const ApiAccessProblems = (forbidden: string) =>
  applyDecorators(
    ApiProblem(HttpStatus.UNAUTHORIZED, 'unauthorized', 'No bearer token, or one that is not valid (or has expired).'),
    ApiProblem(HttpStatus.FORBIDDEN, 'forbidden', forbidden),
  );
