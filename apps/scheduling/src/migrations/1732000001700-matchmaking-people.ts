import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matchmaking for people: the participant's name, organisation and country (from registration's
 * events, for the directory), whether they hide from it; a meeting's attendees (a group meeting has
 * several on each side; a one-to-one meeting its requester and invitee), notes on its outcome and the
 * MoU it led to.
 */
export class MatchmakingPeople1732000001700 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE participants
        ADD COLUMN given_name text,
        ADD COLUMN family_name text,
        ADD COLUMN organisation text,
        ADD COLUMN country text,
        ADD COLUMN delegation_id uuid,
        ADD COLUMN directory_hidden boolean NOT NULL DEFAULT false`);
    await runner.query(`
      CREATE TABLE meeting_attendees (
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        registration_id uuid NOT NULL,
        side text NOT NULL CHECK (side IN ('requester', 'invitee')),
        PRIMARY KEY (meeting_id, registration_id)
      )`);
    await runner.query(`CREATE INDEX meeting_attendees_person ON meeting_attendees (registration_id)`);
    // Every meeting so far is one to one: its attendees are its two parties.
    await runner.query(`
      INSERT INTO meeting_attendees (meeting_id, registration_id, side)
      SELECT id, requester_id, 'requester' FROM meetings UNION ALL SELECT id, invitee_id, 'invitee' FROM meetings`);
    await runner.query(`ALTER TABLE meetings ADD COLUMN outcome_notes text, ADD COLUMN mou_id uuid`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE meetings DROP COLUMN outcome_notes, DROP COLUMN mou_id`);
    await runner.query(`DROP TABLE meeting_attendees`);
    await runner.query(
      `ALTER TABLE participants DROP COLUMN given_name, DROP COLUMN family_name, DROP COLUMN organisation, DROP COLUMN country, DROP COLUMN delegation_id, DROP COLUMN directory_hidden`,
    );
  }
}
