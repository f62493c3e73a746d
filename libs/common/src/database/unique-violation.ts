/**
 * A statement refused by the named unique constraint or unique index (SQLSTATE 23505). By name,
 * because a table has several (its primary key, `seq`, a partial index) and only the one a caller
 * means says what the conflict is. TypeORM's QueryFailedError carries pg's fields in `driverError`.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null | undefined;
  const code = cause?.driverError?.code ?? cause?.code;
  return code === '23505' && (cause?.driverError?.constraint ?? cause?.constraint) === constraint;
}
