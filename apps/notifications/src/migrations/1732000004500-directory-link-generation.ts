import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participant links (DESIGN.md): each registration's current sign-in link generation, from
 * registration's events, so that the link notifications mints when it sends a mail is always the
 * current one. The link itself is never stored.
 */
export class DirectoryLinkGeneration1732000004500 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE participant_directory ADD COLUMN link_generation integer NOT NULL DEFAULT 1`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE participant_directory DROP COLUMN link_generation`);
  }
}
