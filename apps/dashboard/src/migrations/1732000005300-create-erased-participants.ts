import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participants erased so far, by registration id only: an event that names one of them and
 * arrives after the erasure (another service published it before it learnt of the erasure) is
 * stored already erased.
 */
export class CreateErasedParticipants1732000005300 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE erased_participants (registration_id uuid PRIMARY KEY, erased_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE erased_participants`);
  }
}
