import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration categories (DESIGN.md, "Registration categories"): a mission's kinds of participant,
 * each with its capacity, waiting list, approval mode, window and questions; a registration names
 * its category and keeps its answers.
 */
export class RegistrationCategories1732000002200 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // A category exists only where the mission takes registrations: it is changed under the settings row's lock.
    await runner.query(`
      CREATE TABLE registration_categories (
        id uuid PRIMARY KEY,
        mission_id uuid NOT NULL REFERENCES registration_settings (mission_id),
        code text NOT NULL,
        names jsonb NOT NULL,
        capacity integer CHECK (capacity >= 0),
        waitlist boolean NOT NULL,
        approval text NOT NULL CHECK (approval IN ('automatic', 'manual')),
        opens_at timestamptz,
        closes_at timestamptz,
        questions jsonb NOT NULL DEFAULT '[]',
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (mission_id, code),
        CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
      )`);
    // The code is kept beside the id (neither ever changes) so that a registration's events name it without a join.
    await runner.query(`
      ALTER TABLE registrations
        ADD COLUMN category_id uuid REFERENCES registration_categories (id),
        ADD COLUMN category_code text,
        ADD COLUMN answers jsonb`);
    await runner.query(`CREATE INDEX registrations_confirmed_category ON registrations (mission_id, category_id) WHERE status = 'confirmed'`);
    // Read with the lock (a locked row is read again once its holder commits), so a registration
    // knows whether the mission has categories without another round trip.
    await runner.query(`ALTER TABLE registration_settings ADD COLUMN category_count integer NOT NULL DEFAULT 0 CHECK (category_count >= 0)`);
    await runner.query(`
      CREATE FUNCTION registration_category_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE registration_settings SET category_count = category_count + 1 WHERE mission_id = NEW.mission_id;
        ELSE
          UPDATE registration_settings SET category_count = category_count - 1 WHERE mission_id = OLD.mission_id;
        END IF;
        RETURN NULL;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER registration_category_count AFTER INSERT OR DELETE ON registration_categories
        FOR EACH ROW EXECUTE FUNCTION registration_category_count()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER registration_category_count ON registration_categories`);
    await runner.query(`DROP FUNCTION registration_category_count()`);
    await runner.query(`ALTER TABLE registration_settings DROP COLUMN category_count`);
    await runner.query(`DROP INDEX registrations_confirmed_category`);
    await runner.query(`ALTER TABLE registrations DROP COLUMN category_id, DROP COLUMN category_code, DROP COLUMN answers`);
    await runner.query(`DROP TABLE registration_categories`);
  }
}
