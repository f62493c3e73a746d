/** One SQL statement and its parameters (`$1…`): what a repository builds and a unit of work runs. */
export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** A statement; the one way code outside `pg` and TypeORM writes SQL with its parameters. */
export function sql(text: string, values: readonly unknown[] = []): Statement {
  return { text, values };
}

/**
 * `first` and `then` as one statement, one round trip: `first` becomes the CTE `name` that `then`
 * may read (`RETURNING` rows), and `then`'s parameters are renumbered after `first`'s. Both run
 * whatever the other returns (Postgres runs every data-modifying CTE to completion).
 */
export function chain(first: Statement, then: Statement, name = 'changed'): Statement {
  const offset = first.values.length;
  const renumbered = offset === 0 ? then.text : then.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  return { text: `WITH ${name} AS (${first.text}) ${renumbered}`, values: [...first.values, ...then.values] };
}
