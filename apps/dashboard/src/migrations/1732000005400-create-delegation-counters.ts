import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mission's delegations as registration announces them (`delegation.saved`, `.removed`), and each
 * registration's delegation id, so the summary groups registrations by delegation and by the
 * delegation it lies within, under the names the delegations have now.
 */
export class CreateDelegationCounters1732000005400 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE registrations ADD COLUMN delegation_id uuid`);
    await runner.query(`
      CREATE TABLE delegations (
        delegation_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        name text NOT NULL DEFAULT '',
        parent_id uuid,
        precedence integer NOT NULL DEFAULT 0,
        removed boolean NOT NULL DEFAULT false,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX delegations_mission ON delegations (mission_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE delegations`);
    await runner.query(`ALTER TABLE registrations DROP COLUMN delegation_id`);
  }
}
