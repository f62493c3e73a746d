import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What reminders were announced: one row per session or meeting, start and offset. Reminders are not
 * stored ahead: they are found due from the sessions and meetings as they stand (docs/DESIGN.md,
 * Reminders), and this key makes each announced once, whichever instance finds it first.
 */
export class RemindersSent1732000001800 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reminders_sent (
        subject_kind text NOT NULL CHECK (subject_kind IN ('session', 'meeting')),
        subject_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        offset_ms bigint NOT NULL,
        reminder_offset text NOT NULL,
        reminder_id uuid NOT NULL,
        recipients integer NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_kind, subject_id, starts_at, offset_ms)
      )`);
    // The periodic look reads what starts within the longest offset.
    await runner.query(`CREATE INDEX sessions_released_start ON sessions (starts_at) WHERE status = 'active' AND released_at IS NOT NULL`);
    await runner.query(`CREATE INDEX meetings_placed_start ON meetings (starts_at) WHERE status = 'accepted' AND slot_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX meetings_placed_start`);
    await runner.query(`DROP INDEX sessions_released_start`);
    await runner.query(`DROP TABLE reminders_sent`);
  }
}
