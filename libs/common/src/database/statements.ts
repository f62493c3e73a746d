import pg from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';

/**
 * Sends several statements, separated by `;`, in one message (the simple query protocol), and
 * answers each one's result in order: one round trip where separate queries take one each, and
 * every round trip costs CPU in this process and in Postgres. Each statement still takes its own
 * snapshot (READ COMMITTED), as separate queries would. The simple protocol has no parameters:
 * put values in with `sqlLiteral`. `manager` is a transaction's (or a query runner's) manager: the
 * statements run on its connection.
 */
export async function queryStatements(manager: EntityManager, sql: string): Promise<pg.QueryResult[]> {
  if (!manager.queryRunner) throw new Error('queryStatements needs the manager of a transaction or query runner');
  const client = (await manager.queryRunner.connect()) as pg.PoolClient;
  try {
    const results = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(results) ? results : [results];
  } catch (error) {
    // As TypeORM's own queries fail, so that callers and the transport see the same error type.
    throw new QueryFailedError(sql, [], error as Error);
  }
}

/** A string as a quoted SQL literal, safe for any content (`pg.escapeLiteral`). */
export function sqlLiteral(value: string): string {
  return pg.escapeLiteral(value);
}
