import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Kept responses of create calls by a hash of their Idempotency-Key, encrypted; each service adds it to its migrations. */
export class CreateIdempotencyKeys1732000000100 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_keys (
        id text PRIMARY KEY,
        fingerprint text NOT NULL,
        status integer,
        body bytea,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotency_keys`);
  }
}
