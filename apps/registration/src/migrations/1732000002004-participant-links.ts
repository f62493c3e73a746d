import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participant links (DESIGN.md): the generations of a registration's sign-in links and access token,
 * and when a link was last asked for. Existing registrations start at generation 1 with their random
 * token, which a derived one replaces at their first sign-in with a link (`participant.access_token_renewed`).
 */
export class ParticipantLinks1732000002004 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE registrations
        ADD COLUMN link_generation integer NOT NULL DEFAULT 1,
        ADD COLUMN token_generation integer NOT NULL DEFAULT 1,
        ADD COLUMN link_requested_at timestamptz`);
    // "Send me my link again" finds a registration by its address, whatever its status.
    await runner.query(`CREATE INDEX registrations_mission_email ON registrations (mission_id, lower(email))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX registrations_mission_email`);
    await runner.query(`ALTER TABLE registrations DROP COLUMN link_generation, DROP COLUMN token_generation, DROP COLUMN link_requested_at`);
  }
}
