import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { databaseTroubleOf } from '../database/sql-state.js';
import { PROBLEM_CONTENT_TYPE, Problem, problemTypeUri, type ProblemDetails } from './problem.js';

/** Body-parser errors carry a `type`; map the ones a client causes to what they mean. */
const bodyParserProblems: Record<string, { status: number; kind: string; title: string }> = {
  'entity.parse.failed': { status: 400, kind: 'malformed-body', title: 'The body is not valid JSON' },
  'entity.too.large': { status: 413, kind: 'body-too-large', title: 'The body is too large' },
  'encoding.unsupported': { status: 415, kind: 'unsupported-encoding', title: 'Unsupported content encoding' },
  'charset.unsupported': { status: 415, kind: 'unsupported-charset', title: 'Unsupported charset' },
};

/** The one place an HTTP error becomes an RFC 9457 problem response. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request.originalUrl);
    // An HttpException of 5xx (a health check saying "not ready") was meant; only the unexpected is an error.
    if (problem.status >= 500 && !(exception instanceof HttpException)) this.logger.error({ err: loggable(exception), path: request.path }, 'request failed');
    if (response.headersSent) return;
    if (problem.status === 503) response.setHeader('Retry-After', '1');
    if (exception instanceof Problem) for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof Problem) return exception.toProblemDetails(instance);
    const parserError = exception as { type?: string; status?: number; message?: string };
    const mapped = parserError?.type ? bodyParserProblems[parserError.type] : undefined;
    if (mapped) return { type: problemTypeUri(mapped.kind), title: mapped.title, status: mapped.status, detail: parserError.message, instance };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      // Nest wraps body-parser failures in its own exceptions; recover their original kind.
      const cause = (exception as { cause?: { type?: string } }).cause;
      const causeMapped = cause?.type ? bodyParserProblems[cause.type] : undefined;
      if (causeMapped) return { type: problemTypeUri(causeMapped.kind), title: causeMapped.title, status: causeMapped.status, instance };
      const detail = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      return {
        type: problemTypeUri(kindOfStatus(status)),
        title: (HttpStatus[status] ?? 'Error')
          .toString()
          .replaceAll('_', ' ')
          .toLowerCase()
          .replace(/^./, (c) => c.toUpperCase()),
        status,
        detail: Array.isArray(detail) ? detail.join('; ') : String(detail),
        instance,
      };
    }
    const trouble = databaseTroubleOf(exception);
    if (trouble === 'unreachable') {
      return { type: problemTypeUri('database-unavailable'), title: 'The database is unavailable; try again shortly', status: 503, instance };
    }
    if (trouble) {
      return { type: problemTypeUri('database-busy'), title: 'The database is busy; try again shortly', status: 503, instance };
    }
    return { type: problemTypeUri('internal'), title: 'Internal server error', status: 500, instance };
  }
}

function kindOfStatus(status: number): string {
  return (HttpStatus[status] ?? 'error').toString().toLowerCase().replaceAll('_', '-');
}

/**
 * What of an unexpected error may go to the logs. A failed query carries its parameters (a
 * participant's name and e-mail, a token's hash) and Postgres quotes the offending row in its
 * detail: neither belongs in a log, so only the statement, its code and its constraint go. The
 * path, not the URL: a query string may hold an access token (EventSource).
 */
export function loggable(exception: unknown): unknown {
  if (!(exception instanceof QueryFailedError)) return exception;
  const driverError = exception.driverError as { code?: string; constraint?: string; table?: string };
  return {
    type: 'QueryFailedError',
    message: exception.message,
    stack: exception.stack,
    code: driverError.code,
    constraint: driverError.constraint,
    table: driverError.table,
    query: exception.query,
  };
}
