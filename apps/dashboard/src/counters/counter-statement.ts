/**
 * One counter's write for an event: an INSERT, UPDATE or DELETE with `$1…` placeholders (and no
 * other dollar sign), which the event log sends in one statement with the event's own insert.
 */
export interface CounterStatement {
  sql: string;
  parameters: unknown[];
}

/**
 * The statements as data-modifying CTEs (`counter1 AS (…)`, one per statement), their placeholders
 * moved past the `offset` parameters that come before them. Postgres runs every data-modifying CTE,
 * read or not.
 */
export function asCtes(statements: readonly CounterStatement[], offset: number): { ctes: string[]; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const ctes = statements.map((statement, i) => {
    const shift = offset + parameters.length;
    parameters.push(...statement.parameters);
    return `counter${i + 1} AS (${statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + shift}`)})`;
  });
  return { ctes, parameters };
}
