import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMissionEvents1732000005000 implements MigrationInterface {
  name = 'CreateMissionEvents1732000005000';

  async up(runner: QueryRunner): Promise<void> {
    // `position` is the SSE id; within one mission it grows in commit order (see EventLogRepository.append).
    await runner.query(`
      CREATE TABLE mission_events (
        position bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        mission_id uuid,
        type text NOT NULL,
        time timestamptz NOT NULL,
        event jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX mission_events_by_mission ON mission_events (mission_id, position)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE mission_events`);
  }
}
