import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Broadcasts' delivery figures: each notification's broadcast (if it was one's) and whether its
 * failure was a bounce (a 5xx refusal), and each released broadcast's subject and queued count
 * (`broadcast.released`).
 */
export class CreateBroadcastFigures1732000005500 implements MigrationInterface {
  name = 'CreateBroadcastFigures1732000005500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notification_outcomes ADD COLUMN broadcast_id uuid, ADD COLUMN bounced boolean NOT NULL DEFAULT false`);
    await runner.query(`CREATE INDEX notification_outcomes_of_broadcast ON notification_outcomes (broadcast_id) WHERE broadcast_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE broadcasts (
        broadcast_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        subject text NOT NULL,
        queued integer NOT NULL,
        released_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX broadcasts_of_mission ON broadcasts (mission_id, released_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE broadcasts`);
    await runner.query(`DROP INDEX notification_outcomes_of_broadcast`);
    await runner.query(`ALTER TABLE notification_outcomes DROP COLUMN broadcast_id, DROP COLUMN bounced`);
  }
}
