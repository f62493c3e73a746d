import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Kept responses of create calls by Idempotency-Key; each service adds it to its own migrations. */
export class CreateIdempotencyKeys1732000000100 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_keys (
        key text NOT NULL,
        scope text NOT NULL,
        fingerprint text NOT NULL,
        status integer,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotency_keys`);
  }
}
