import pg from 'pg';
import { MigrationExecutor, type DataSource } from 'typeorm';
import { sqlStateOf } from './sql-state.js';

/**
 * Makes the database and the service's schema exist before TypeORM connects: every connection of
 * the service sets `search_path` to the schema, so the same unqualified migrations run unchanged
 * into `registration` in production and into `registration_t3f9` in a test. A service's own role
 * (npm run setup) may create neither: it finds them made, owned by it, and only checks.
 */
export async function ensureDatabaseAndSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = await connectCreatingDatabase(databaseUrl);
  try {
    const found = await client.query<{ creatable: boolean }>(`SELECT has_schema_privilege(oid, 'CREATE') AS creatable FROM pg_namespace WHERE nspname = $1`, [
      schema,
    ]);
    if (found.rows[0]?.creatable) return;
    if (found.rows[0])
      throw new Error(`${client.user ?? 'this role'} may not create tables in schema ${schema}: \`npm run setup\` makes it the schema's owner`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  } catch (error) {
    // Two services starting at once may race on CREATE SCHEMA; the loser sees a duplicate.
    if (['23505', '42P06'].includes(sqlStateOf(error) ?? '')) return;
    if (sqlStateOf(error) === '42501')
      throw new Error(`schema ${schema} does not exist and ${client.user ?? 'this role'} may not create it: run \`npm run setup\``, { cause: error });
    throw error;
  } finally {
    await client.end();
  }
}

/** Connects to the URL's database, creating it first only if it is missing (which a service's own role may not do). */
async function connectCreatingDatabase(databaseUrl: string): Promise<pg.Client> {
  try {
    return await connected(databaseUrl);
  } catch (error) {
    if (sqlStateOf(error) !== '3D000') throw error;
  }
  await ensureDatabase(databaseUrl);
  return connected(databaseUrl);
}

async function connected(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/** Creates the URL's database if it is missing; safe when several processes ask at once. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } catch (error) {
    if (!['42P04', '23505'].includes(sqlStateOf(error) ?? '')) throw error;
  } finally {
    await client.end();
  }
}

/**
 * TypeORM takes no lock while migrating, so two instances starting together would both apply the
 * same migration. A session-level advisory lock keyed by the schema makes them take turns.
 */
export async function runMigrationsLocked(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // A migration may take longer than a request's statement, and another instance's longer than a lock wait: on this connection, no limits.
    await runner.query(`SET statement_timeout = 0`);
    await runner.query(`SET lock_timeout = 0`);
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`mission-hub:migrations:${schema}`]);
    try {
      const migrations = new MigrationExecutor(dataSource, runner);
      migrations.transaction = 'each';
      return (await migrations.executePendingMigrations()).map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`mission-hub:migrations:${schema}`]);
      await runner.query(`RESET statement_timeout`);
      await runner.query(`RESET lock_timeout`);
    }
  } finally {
    await runner.release();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
