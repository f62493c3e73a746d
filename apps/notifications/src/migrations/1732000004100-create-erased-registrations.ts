import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateErasedRegistrations1732000004100 implements MigrationInterface {
  name = 'CreateErasedRegistrations1732000004100';

  async up(runner: QueryRunner): Promise<void> {
    // Who has been erased, so that a mail for them still on its way is not sent or logged after.
    await runner.query(`CREATE TABLE erased_registrations (registration_id uuid PRIMARY KEY, erased_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE erased_registrations`);
  }
}
