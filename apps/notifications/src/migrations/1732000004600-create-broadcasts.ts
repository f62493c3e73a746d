import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Broadcasts (an organiser's message to an audience of one mission), who each went to (the
 * participants' feed), and the read models an audience is resolved from: each participant's
 * delegation, category and access-token hash (the feed's sign-in), the mission's delegations, the
 * people of each session, the parties of each placed meeting. And the delivery log's `bounced`: a
 * mail the SMTP server refused for good, which a broadcast's figures count apart.
 */
export class CreateBroadcasts1732000004600 implements MigrationInterface {
  name = 'CreateBroadcasts1732000004600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE broadcasts (
        broadcast_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        created_by text NOT NULL,
        audience jsonb NOT NULL,
        texts jsonb NOT NULL,
        default_language text NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'sent', 'cancelled')),
        send_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        released_at timestamptz,
        recipients integer
      )`);
    await runner.query(`CREATE INDEX broadcasts_due ON broadcasts (send_at) WHERE status = 'scheduled'`);
    await runner.query(`CREATE INDEX broadcasts_of_mission ON broadcasts (mission_id, created_at)`);
    await runner.query(`
      CREATE TABLE broadcast_recipients (
        broadcast_id uuid NOT NULL REFERENCES broadcasts (broadcast_id),
        registration_id uuid NOT NULL,
        language text NOT NULL,
        delivered_at timestamptz NOT NULL,
        PRIMARY KEY (broadcast_id, registration_id)
      )`);
    await runner.query(`CREATE INDEX broadcast_recipients_feed ON broadcast_recipients (registration_id, delivered_at DESC)`);
    await runner.query(`
      CREATE TABLE broadcast_members (
        registration_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        delegation_id uuid,
        category_id uuid,
        category_code text,
        token_hash text,
        token_generation integer NOT NULL DEFAULT 1,
        token_as_of timestamptz NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX broadcast_members_of_mission ON broadcast_members (mission_id)`);
    await runner.query(`CREATE UNIQUE INDEX broadcast_members_token ON broadcast_members (token_hash)`);
    await runner.query(`
      CREATE TABLE broadcast_delegations (
        delegation_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        parent_id uuid,
        name text NOT NULL,
        removed boolean NOT NULL DEFAULT false,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX broadcast_delegations_of_mission ON broadcast_delegations (mission_id)`);
    await runner.query(`
      CREATE TABLE broadcast_session_people (
        session_id uuid NOT NULL,
        registration_id uuid NOT NULL,
        mission_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        as_of timestamptz NOT NULL,
        PRIMARY KEY (session_id, registration_id)
      )`);
    await runner.query(`
      CREATE TABLE broadcast_meetings (
        meeting_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        starts_at timestamptz,
        parties uuid[] NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX broadcast_meetings_placed ON broadcast_meetings (mission_id, starts_at) WHERE starts_at IS NOT NULL`);
    await runner.query(`ALTER TABLE deliveries ADD COLUMN bounced boolean NOT NULL DEFAULT false`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE deliveries DROP COLUMN bounced`);
    for (const table of [
      'broadcast_meetings',
      'broadcast_session_people',
      'broadcast_delegations',
      'broadcast_members',
      'broadcast_recipients',
      'broadcasts',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
