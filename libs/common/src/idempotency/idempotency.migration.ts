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

/**
 * Responses are kept in the transaction of the change they answer, so a row always has its response:
 * the claims of the earlier design (a row without status, left by a crash and answering 409 for a
 * day) are dropped, and status and body become required.
 */
export class KeepIdempotentResponsesWithTheirChange1732000014100 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM idempotency_keys WHERE status IS NULL OR body IS NULL`);
    await runner.query(`ALTER TABLE idempotency_keys ALTER COLUMN status SET NOT NULL, ALTER COLUMN body SET NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE idempotency_keys ALTER COLUMN status DROP NOT NULL, ALTER COLUMN body DROP NOT NULL`);
  }
}
