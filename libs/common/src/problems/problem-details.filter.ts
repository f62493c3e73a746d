import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { sqlStateOf } from '../database/sql-state.js';
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
    if (isDatabaseUnavailable(exception)) {
      return { type: problemTypeUri('database-unavailable'), title: 'The database is unavailable; try again shortly', status: 503, instance };
    }
    if (isDatabaseBusy(exception)) {
      return { type: problemTypeUri('database-busy'), title: 'The database is busy; try again shortly', status: 503, instance };
    }
    return { type: problemTypeUri('internal'), title: 'Internal server error', status: 500, instance };
  }
}

/** SQLSTATEs of a connection lost or refused: class 08, and the server shutting down or starting (57P01–57P03). */
const CONNECTION_LOST = /^(08|57P0[123])/;
const CONNECTION_LOST_MESSAGES = ['Connection terminated', 'not queryable', 'ECONNREFUSED', 'ECONNRESET'];
/** TypeORM's errors for a query runner (or the manager it provided) used after its failed connection released it. */
const RELEASED_WITH_ITS_CONNECTION = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * Whether a request failed because its database connection went away under it (a restart, a
 * failover, an administrator ending it): its transaction did not commit, unless its COMMIT was
 * what was in flight, so the same request is safe to send again with its Idempotency-Key. TypeORM
 * releases a query runner whose connection failed, so the next statement meets one of its "already
 * released" errors.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  const error = exception as { name?: string; message?: unknown; driverError?: { message?: unknown } } | null;
  if (!error || typeof error !== 'object') return false;
  if (RELEASED_WITH_ITS_CONNECTION.has(String(error.name))) return true;
  if (CONNECTION_LOST.test(sqlStateOf(error) ?? '')) return true;
  const message = String(error.driverError?.message ?? error.message ?? '');
  return CONNECTION_LOST_MESSAGES.some((text) => message.includes(text));
}

/** SQLSTATEs of a statement cut short by a limit: `statement_timeout` (57014) or `lock_timeout` (55P03). */
const TIMED_OUT = new Set(['57014', '55P03']);
/** pg-pool's errors when no connection came within its acquire timeout (all in use, or connecting took too long). */
const NO_CONNECTION_IN_TIME = ['timeout exceeded when trying to connect', 'Connection terminated due to connection timeout'];

/**
 * Whether a request failed on one of the database's limits (DB_STATEMENT_TIMEOUT_MS,
 * DB_LOCK_TIMEOUT_MS, DB_POOL_ACQUIRE_TIMEOUT_MS): its transaction did not commit, and the same
 * request may succeed shortly, so it is answered 503 with Retry-After rather than 500.
 */
export function isDatabaseBusy(exception: unknown): boolean {
  const error = exception as { message?: unknown; driverError?: { message?: unknown } } | null;
  if (!error || typeof error !== 'object') return false;
  if (TIMED_OUT.has(sqlStateOf(error) ?? '')) return true;
  const message = String(error.driverError?.message ?? error.message ?? '');
  return NO_CONNECTION_IN_TIME.some((text) => message.includes(text));
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
