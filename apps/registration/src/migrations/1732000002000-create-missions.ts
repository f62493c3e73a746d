import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Registration's own copy of the missions scheduling announces (mission.created / mission.updated). */
export class CreateMissions1732000002000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE missions (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        title text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        timezone text NOT NULL,
        as_of timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`COMMENT ON COLUMN missions.as_of IS 'time of the event this copy comes from: an older event never overwrites a newer one'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE missions`);
  }
}
