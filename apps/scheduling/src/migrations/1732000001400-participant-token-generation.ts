import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participant links (DESIGN.md): the access token's hash now changes (a revocation, a derived token
 * replacing a random one), so the copy keeps which token it holds, by generation and by the time of
 * the event that brought it, and a late event never puts back a token that was replaced.
 */
export class ParticipantTokenGeneration1732000001400 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE participants ADD COLUMN token_generation integer NOT NULL DEFAULT 1, ADD COLUMN token_as_of timestamptz`);
    await runner.query(`UPDATE participants SET token_as_of = as_of`);
    await runner.query(`ALTER TABLE participants ALTER COLUMN token_as_of SET DEFAULT '-infinity', ALTER COLUMN token_as_of SET NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE participants DROP COLUMN token_generation, DROP COLUMN token_as_of`);
  }
}
