import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public register's combined filters (country + theme + status, a word + country + year…) in one
 * GIN index over the public MoUs, so that Postgres intersects the posting lists inside one index scan
 * (skipping through the broad ones with the rarest) instead of ANDing one bitmap per filter or walking
 * `seq` backwards through thousands of rows that fail a filter. btree_gin gives GIN its scalar columns.
 */
export class RegisterFacetsIndex1732000003100 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // An extension is per database, and every service schema (every test's schema) migrates on its own:
    // the lock makes two of them take turns, and the second finds the extension there. It lives in
    // `public`, not in the service's schema, so that dropping a test's schema never drops it with the
    // indexes of the others.
    await runner.query(`SELECT pg_advisory_xact_lock(hashtext('mission-hub:extension:btree_gin'))`);
    await runner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA public`);
    await runner.query(`
      CREATE INDEX mous_public_facets ON mous USING gin (status, themes, party_countries, party_names, mission_id, signed_year, search)
      WHERE visibility = 'public'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // The extension stays: other schemas of the database may have indexes that need it.
    await runner.query(`DROP INDEX mous_public_facets`);
  }
}
