import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GDPR erasure: a registration keeps its row (the counts need it) but loses its personal data and its token. */
export class ParticipantErasure1732000002003 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE registrations ADD COLUMN erased_at timestamptz`);
    // The token stops working by losing its hash; an erased registration can never hold one again.
    await runner.query(`ALTER TABLE registrations ALTER COLUMN token_hash DROP NOT NULL`);
    await runner.query(`ALTER TABLE registrations ADD CONSTRAINT registrations_erased_without_token CHECK (erased_at IS NULL OR token_hash IS NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE registrations DROP CONSTRAINT registrations_erased_without_token`);
    // An erased token cannot come back; a hash of nothing anyone holds keeps the column NOT NULL and unique.
    await runner.query(`UPDATE registrations SET token_hash = 'erased:' || id WHERE token_hash IS NULL`);
    await runner.query(`ALTER TABLE registrations ALTER COLUMN token_hash SET NOT NULL`);
    await runner.query(`ALTER TABLE registrations DROP COLUMN erased_at`);
  }
}
