import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme's structure: a session may hold sessions (the forum and its panels), venues have rooms
 * with capacities, and titles, descriptions and venue and room names have translations (per language,
 * beside the text in the mission's first language that `title`, `description` and `name` keep).
 */
export class ProgrammeStructure1732000001600 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE venues ADD COLUMN names jsonb NOT NULL DEFAULT '{}'`);
    await runner.query(`
      CREATE TABLE rooms (
        id uuid PRIMARY KEY,
        venue_id uuid NOT NULL REFERENCES venues (id),
        name text NOT NULL,
        names jsonb NOT NULL DEFAULT '{}',
        capacity integer NOT NULL CHECK (capacity > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX rooms_venue_name ON rooms (venue_id, lower(name))`);
    // A draft deleted takes its draft children with it; a released session is never deleted, only cancelled.
    await runner.query(`
      ALTER TABLE sessions
        ADD COLUMN parent_session_id uuid REFERENCES sessions (id) ON DELETE CASCADE CHECK (parent_session_id <> id),
        ADD COLUMN room_id uuid REFERENCES rooms (id),
        ADD COLUMN titles jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN descriptions jsonb NOT NULL DEFAULT '{}'`);
    await runner.query(`CREATE INDEX sessions_parent ON sessions (parent_session_id) WHERE parent_session_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE sessions DROP COLUMN parent_session_id, DROP COLUMN room_id, DROP COLUMN titles, DROP COLUMN descriptions`);
    await runner.query(`DROP TABLE rooms`);
    await runner.query(`ALTER TABLE venues DROP COLUMN names`);
  }
}
