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
