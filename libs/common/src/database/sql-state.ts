/** The fields of a failed statement's error this file reads: pg's own, or TypeORM's QueryFailedError carrying them in `driverError`. */
type StatementError = { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } } | null | undefined;

/** The SQLSTATE of a failed statement (`23505`, `08006`…), from pg's error or TypeORM's wrapping of it; undefined for any other error. */
export function sqlStateOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const cause = error as StatementError;
  const code = cause?.driverError?.code ?? cause?.code;
  // Five characters from 0-9 and A-Z, and no class begins with E: an errno code (EPIPE, EBUSY) is not one.
  return typeof code === 'string' && /^[0-9A-DF-Z][0-9A-Z]{4}$/.test(code) ? code : undefined;
}

/**
 * A statement refused by the named unique constraint or unique index (SQLSTATE 23505). By name,
 * because a table has several (its primary key, `seq`, a partial index) and only the one a caller
 * means says what the conflict is.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = error as StatementError;
  return sqlStateOf(error) === '23505' && (cause?.driverError?.constraint ?? cause?.constraint) === constraint;
}

/**
 * SQLSTATEs of a connection lost or refused: class 08, the server shutting down or starting
 * (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now), too many connections.
 */
const UNREACHABLE_SQLSTATES = /^(08|57P0[123]|53300)/;
/** Errors of the socket or of pg's pool, which carry no SQLSTATE. */
const UNREACHABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
const UNREACHABLE_MESSAGES = ['Connection terminated', 'not queryable', 'ECONNREFUSED', 'ECONNRESET'];
/** TypeORM's errors for a query runner (or the manager it provided) used after its failed connection released it. */
const RELEASED_WITH_CONNECTION = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);
/** SQLSTATEs of a statement cut short by a limit: `statement_timeout` (57014) or `lock_timeout` (55P03). */
const TIMED_OUT_SQLSTATES = new Set(['57014', '55P03']);
/** pg-pool's error when no connection came within its acquire timeout (all in use, or the server slow to answer). */
const NO_CONNECTION_IN_TIME = 'timeout exceeded when trying to connect';

/**
 * What kept the database from doing the work, when it was not the work itself:
 * - `unreachable`: the connection went away or could not be made (a restart, a failover, an
 *   administrator ending it); TypeORM releases a query runner whose connection failed, so the next
 *   statement meets one of its "already released" errors;
 * - `no-connection-in-time`: no pooled connection within DB_POOL_ACQUIRE_TIMEOUT_MS (all in use, or
 *   the server not answering);
 * - `timed-out`: a statement or lock wait ran past DB_STATEMENT_TIMEOUT_MS or DB_LOCK_TIMEOUT_MS.
 * In each case the transaction did not commit (unless its COMMIT was what was in flight) and the same
 * work is worth trying again shortly. HTTP answers 503 (`ProblemDetailsFilter`); a consumer waits an
 * outage out without spending a retry (`isDatabaseOutage`).
 */
export type DatabaseTrouble = 'unreachable' | 'no-connection-in-time' | 'timed-out';

export function databaseTroubleOf(exception: unknown): DatabaseTrouble | undefined {
  const error = exception as { name?: string; code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  if (!error || typeof error !== 'object') return undefined;
  const state = sqlStateOf(error) ?? '';
  const message = String(error.driverError?.message ?? error.message ?? '');
  if (RELEASED_WITH_CONNECTION.has(String(error.name)) || UNREACHABLE_SQLSTATES.test(state)) return 'unreachable';
  if (UNREACHABLE_ERRNOS.has(String(error.driverError?.code ?? error.code))) return 'unreachable';
  if (UNREACHABLE_MESSAGES.some((text) => message.includes(text))) return 'unreachable';
  if (message.includes(NO_CONNECTION_IN_TIME)) return 'no-connection-in-time';
  if (TIMED_OUT_SQLSTATES.has(state)) return 'timed-out';
  return undefined;
}

/** Whether the database could not be reached (`unreachable`, `no-connection-in-time`): what a consumer waits out. */
export function isDatabaseOutage(exception: unknown): boolean {
  const trouble = databaseTroubleOf(exception);
  return trouble === 'unreachable' || trouble === 'no-connection-in-time';
}
