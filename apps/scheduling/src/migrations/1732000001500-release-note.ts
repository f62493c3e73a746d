import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A release may say in words what it changes, for those who read the releases list. */
export class ReleaseNote1732000001500 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE releases ADD COLUMN note text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE releases DROP COLUMN note`);
  }
}
