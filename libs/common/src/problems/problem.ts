import { HttpException, HttpStatus } from '@nestjs/common';

/** One invalid field of a request: `field` is the dotted path in the body or query. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every service answers an error. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://mission-hub.dev/problems/';

/**
 * An error that leaves the API as a problem response. `kind` becomes the problem's `type` URI, so
 * a client can branch on it; `extensions` add members such as `allowed` or `conflictsWith`.
 */
export class Problem extends HttpException {
  /** Response headers that go with the problem, such as `Retry-After`. */
  headers: Record<string, string> = {};

  constructor(
    status: HttpStatus,
    readonly kind: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title, status);
  }

  toProblemDetails(instance?: string): ProblemDetails {
    // Extensions come first so that none of them can replace a standard member such as `status`.
    return {
      ...this.extensions,
      type: PROBLEM_TYPE_BASE + this.kind,
      title: this.title,
      status: this.getStatus(),
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
    };
  }

  static validation(errors: FieldError[], detail = 'The request has invalid fields.'): Problem {
    return new Problem(HttpStatus.BAD_REQUEST, 'validation', 'Invalid request', detail, { errors });
  }

  static notFound(what: string, id?: string): Problem {
    return new Problem(HttpStatus.NOT_FOUND, 'not-found', `${what} not found`, id ? `No ${what.toLowerCase()} with id ${id}.` : undefined);
  }

  static conflict(kind: string, title: string, detail?: string, extensions?: Record<string, unknown>): Problem {
    return new Problem(HttpStatus.CONFLICT, kind, title, detail, extensions);
  }

  static unprocessable(kind: string, title: string, detail?: string, extensions?: Record<string, unknown>): Problem {
    return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, kind, title, detail, extensions);
  }

  static forbidden(detail = 'You may not do this.'): Problem {
    return new Problem(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', detail);
  }

  /** 429: the caller is over a rate limit; it may try again in `retryAfterSeconds`. */
  static tooManyRequests(retryAfterSeconds: number, detail: string): Problem {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    const problem = new Problem(HttpStatus.TOO_MANY_REQUESTS, 'rate-limited', 'Too many requests', detail, { retryAfterSeconds: seconds });
    problem.headers['Retry-After'] = String(seconds);
    return problem;
  }

  static unauthorized(detail = 'A valid bearer token is required.'): Problem {
    return new Problem(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', detail);
  }
}

export function problemTypeUri(kind: string): string {
  return PROBLEM_TYPE_BASE + kind;
}
