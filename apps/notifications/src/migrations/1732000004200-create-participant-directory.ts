import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateParticipantDirectory1732000004200 implements MigrationInterface {
  name = 'CreateParticipantDirectory1732000004200';

  async up(runner: QueryRunner): Promise<void> {
    // Notifications' own copy of each registration's participant, from registration's events: whom to
    // mail, in which language and time zone, when another service's event names a registration id.
    await runner.query(`
      CREATE TABLE participant_directory (
        registration_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        status text NOT NULL,
        email text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        job_title text,
        preferred_language text NOT NULL,
        timezone text NOT NULL,
        organisation jsonb NOT NULL,
        delegation text,
        mission jsonb NOT NULL,
        as_of timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE participant_directory`);
  }
}
