import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The meetings an MoU came from, as scheduling announces them (`meeting.outcome_recorded`): a read model, people by registration id only. */
export class MouMeetings1732000003300 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE mou_meetings (
        meeting_id uuid PRIMARY KEY,
        mou_id uuid,
        mission_id uuid NOT NULL,
        requester_id uuid NOT NULL,
        invitee_id uuid NOT NULL,
        attendees jsonb NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz,
        outcome text NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX mou_meetings_mou ON mou_meetings (mou_id, starts_at) WHERE mou_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE mou_meetings`);
  }
}
