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
const OUTAGE_SQLSTATES = /^(08|57P0[123]|53300)/;
/** Errors of the socket or of pg's pool, which carry no SQLSTATE. */
const OUTAGE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
const OUTAGE_MESSAGES = [
  'Connection terminated',
  'not queryable',
  'ECONNREFUSED',
  'ECONNRESET',
  // pg-pool: no connection could be had within connectionTimeoutMillis (the pool's acquire timeout)
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
];
/** TypeORM's errors for a query runner (or the manager it provided) used after its failed connection released it. */
const RELEASED_WITH_CONNECTION = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * Whether something failed because the database could not be reached or went away under it (a
 * restart, a failover, an administrator ending the connection, a pool that could not connect in
 * time), not because of what was asked: the same work is worth trying again once it is back. What
 * an event consumer waits out instead of spending a retry (HTTP answers such failures 503, see
 * `isDatabaseUnavailable` of the problem filter).
 * TypeORM releases a query runner whose connection failed, so the next statement meets one of its
 * "already released" errors.
 */
export function isDatabaseOutage(exception: unknown): boolean {
  const error = exception as { name?: string; code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  if (!error || typeof error !== 'object') return false;
  if (RELEASED_WITH_CONNECTION.has(String(error.name))) return true;
  if (OUTAGE_SQLSTATES.test(sqlStateOf(error) ?? '')) return true;
  if (OUTAGE_ERRNOS.has(String(error.driverError?.code ?? error.code))) return true;
  const message = String(error.driverError?.message ?? error.message ?? '');
  return OUTAGE_MESSAGES.some((text) => message.includes(text));
}
