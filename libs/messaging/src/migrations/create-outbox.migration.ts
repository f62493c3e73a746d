import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Unqualified names: the table lands in the connection's search_path, i.e. the service's schema. */
export class CreateOutbox1732000000000 implements MigrationInterface {
  name = 'CreateOutbox1732000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NULL
      )`);
    // The relay only ever looks for what is still to publish; this keeps that lookup small forever.
    await queryRunner.query(`CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox`);
  }
}
