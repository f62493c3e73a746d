import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest description of each mission that scheduling changed (`mission.updated`), so that the
 * directory's copy of it is not set back by an older event or by a registration snapshot taken
 * before the change; and the index the change's update of the directory goes by.
 */
export class CreateMissions1732000004400 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE missions (mission_id uuid PRIMARY KEY, mission jsonb NOT NULL, as_of timestamptz NOT NULL)`);
    await runner.query(`CREATE INDEX participant_directory_mission ON participant_directory (mission_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX participant_directory_mission`);
    await runner.query(`DROP TABLE missions`);
  }
}
