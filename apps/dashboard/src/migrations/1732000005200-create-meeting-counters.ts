import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each matchmaking meeting's current state, for the summary's requested / scheduled / held counts. */
export class CreateMeetingCounters1732000005200 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE meetings (
        meeting_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        status text NOT NULL,
        scheduled boolean NOT NULL,
        outcome text,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX meetings_mission ON meetings (mission_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE meetings`);
  }
}
