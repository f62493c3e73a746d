import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The closing reminders announced: one row per mission, closing time and offset. Found due from the
 * settings as they stand (docs/DESIGN.md, Reminders); this key makes each announced once.
 */
export class ClosingRemindersSent1732000002300 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE closing_reminders_sent (
        mission_id uuid NOT NULL,
        closes_at timestamptz NOT NULL,
        offset_ms bigint NOT NULL,
        reminder_offset text NOT NULL,
        recipients integer NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (mission_id, closes_at, offset_ms)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE closing_reminders_sent`);
  }
}
