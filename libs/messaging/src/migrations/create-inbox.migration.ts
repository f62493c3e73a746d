import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Unqualified names: the table lands in the connection's search_path, i.e. the service's schema. */
export class CreateInbox1732000000001 implements MigrationInterface {
  name = 'CreateInbox1732000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox (
        event_id uuid NOT NULL,
        handler text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, handler)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
  }
}
