import pg from 'pg';
import { ensureDatabase, quoteIdentifier } from './database-bootstrap.js';

/** One service's login role and the schema it alone may reach. */
export interface DatabaseRole {
  role: string;
  password: string;
  schema: string;
}

/** Extensions a service's migrations ask for but a role without rights on the database may not create (the MoU registry's `btree_gin`). */
const EXTENSIONS = ['btree_gin'];

/**
 * Gives each service its own role on the admin URL's database (docs/DESIGN.md, "Boundaries"): a
 * login role with no other power, owning its schema and everything in it, and nothing on any other
 * schema; nobody may create in `public`. Idempotent: a role that exists gets the password given
 * again, a schema that exists (with tables an earlier, all-powerful user made) is handed over.
 * `report` is told each step, for the setup command to print.
 */
export async function setUpDatabaseRoles(adminUrl: string, roles: readonly DatabaseRole[], report: (line: string) => void = () => undefined): Promise<void> {
  await ensureDatabase(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
    // Postgres 15 already refuses it; an older server, or a database made before, would let any role create there.
    await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    report(`${database}: no role may create in schema public`);
    for (const extension of EXTENSIONS) {
      await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [`mission-hub:extension:${extension}`]);
      try {
        await admin.query(`CREATE EXTENSION IF NOT EXISTS ${quoteIdentifier(extension)} SCHEMA public`);
      } finally {
        await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`mission-hub:extension:${extension}`]);
      }
      report(`${database}: extension ${extension} present`);
    }
    for (const { role, password, schema } of roles) {
      const r = quoteIdentifier(role);
      const s = quoteIdentifier(schema);
      const exists = (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount! > 0;
      const attributes = `LOGIN PASSWORD ${admin.escapeLiteral(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT`;
      await admin.query(exists ? `ALTER ROLE ${r} WITH ${attributes}` : `CREATE ROLE ${r} WITH ${attributes}`);
      await admin.query(`GRANT CONNECT ON DATABASE ${quoteIdentifier(database)} TO ${r}`);
      report(`role ${role}: ${exists ? 'exists, password set again' : 'created'} (login, no superuser, may create no database or role)`);

      const schemaExists = (await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount! > 0;
      await admin.query(schemaExists ? `ALTER SCHEMA ${s} OWNER TO ${r}` : `CREATE SCHEMA ${s} AUTHORIZATION ${r}`);
      await admin.query(`REVOKE ALL ON SCHEMA ${s} FROM PUBLIC`);
      const handedOver = await handOver(admin, schema, role);
      report(
        `schema ${schema}: ${schemaExists ? 'exists' : 'created'}, owned by ${role}${handedOver ? `, ${handedOver} of its objects handed over to it` : ''}, no rights for anyone else`,
      );
    }
  } finally {
    await admin.end();
  }
}

/**
 * Makes the role the owner of every table, view, sequence, function and type of the schema, so
 * that its migrations may alter what an earlier user created. Tables first: their indexes and
 * owned sequences follow them. Returns how many were handed over.
 */
async function handOver(admin: pg.Client, schema: string, role: string): Promise<number> {
  const r = quoteIdentifier(role);
  const statements = async (query: string) => (await admin.query<{ statement: string }>(query, [schema, role])).rows.map((row) => row.statement);
  const tables = await statements(`
    SELECT format('ALTER TABLE %I.%I OWNER TO ', n.nspname, c.relname) AS statement
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'f') AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)`);
  for (const statement of tables) await admin.query(statement + r);
  const rest = await statements(`
    SELECT format(CASE c.relkind WHEN 'S' THEN 'ALTER SEQUENCE %I.%I OWNER TO ' WHEN 'v' THEN 'ALTER VIEW %I.%I OWNER TO '
                  ELSE 'ALTER MATERIALIZED VIEW %I.%I OWNER TO ' END, n.nspname, c.relname) AS statement
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('S', 'v', 'm') AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO ', p.oid::regprocedure) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = $1 AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)
    UNION ALL
    SELECT format('ALTER TYPE %I.%I OWNER TO ', n.nspname, t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 AND t.typtype IN ('e', 'd', 'r') AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)`);
  for (const statement of rest) await admin.query(statement + r);
  return tables.length + rest.length;
}

/** Ends a role made for a test run: what it owns in this database goes first (its schemas should be dropped already). */
export async function dropDatabaseRoles(adminUrl: string, roles: readonly string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const role of roles) {
      if ((await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 0) continue;
      await admin.query(`DROP OWNED BY ${quoteIdentifier(role)}`);
      await admin.query(`DROP ROLE ${quoteIdentifier(role)}`);
    }
  } finally {
    await admin.end();
  }
}
