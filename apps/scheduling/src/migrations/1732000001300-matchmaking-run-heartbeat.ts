import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A run's instance says it is still working; a run whose word stopped was abandoned, whichever instance had it. */
export class MatchmakingRunHeartbeat1732000001300 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE matchmaking_runs ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE matchmaking_runs DROP COLUMN heartbeat_at`);
  }
}
