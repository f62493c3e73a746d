import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistrationSettings1732000002001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // The row is also the mission's lock: every change of a seat takes it FOR UPDATE first. The
    // counters beside it are kept by a trigger on registrations (next migration), so they are exact
    // and cost nothing to read.
    await runner.query(`
      CREATE TABLE registration_settings (
        mission_id uuid PRIMARY KEY REFERENCES missions (id),
        capacity integer NOT NULL CHECK (capacity >= 0),
        opens_at timestamptz,
        closes_at timestamptz,
        approval text NOT NULL CHECK (approval IN ('automatic', 'manual')),
        delegation_quotas jsonb NOT NULL DEFAULT '{}',
        confirmed_count integer NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0),
        waitlisted_count integer NOT NULL DEFAULT 0 CHECK (waitlisted_count >= 0),
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registration_settings`);
  }
}
