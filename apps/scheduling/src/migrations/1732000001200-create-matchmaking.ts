import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Matchmaking: profiles, meetings (requests and their place), meeting blocks' settings, declared unavailability, runs and timetables. */
export class CreateMatchmaking1732000001200 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE matchmaking_profiles (
        registration_id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        mission_id uuid NOT NULL REFERENCES missions (id),
        offers text NOT NULL,
        seeks text NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        sectors text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX matchmaking_profiles_mission ON matchmaking_profiles (mission_id, seq)`);
    await runner.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        mission_id uuid NOT NULL REFERENCES missions (id),
        requester_id uuid NOT NULL,
        invitee_id uuid NOT NULL CHECK (invitee_id <> requester_id),
        proposed_by text,
        priority integer NOT NULL CHECK (priority BETWEEN 1 AND 5),
        message text,
        status text NOT NULL CHECK (status IN ('requested', 'accepted', 'declined', 'cancelled')),
        cancel_reason text,
        block_id uuid REFERENCES sessions (id),
        slot_id text,
        starts_at timestamptz,
        ends_at timestamptz,
        table_number integer,
        outcome text CHECK (outcome IN ('held', 'no_show')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open request per pair, whichever way it was asked.
    await runner.query(
      `CREATE UNIQUE INDEX meetings_open_pair ON meetings (mission_id, least(requester_id, invitee_id), greatest(requester_id, invitee_id))
        WHERE status IN ('requested', 'accepted')`,
    );
    await runner.query(`CREATE INDEX meetings_requester ON meetings (requester_id, seq)`);
    await runner.query(`CREATE INDEX meetings_invitee ON meetings (invitee_id, seq)`);
    await runner.query(`CREATE INDEX meetings_mission ON meetings (mission_id, status)`);
    await runner.query(`
      CREATE TABLE meeting_blocks (
        session_id uuid PRIMARY KEY REFERENCES sessions (id),
        mission_id uuid NOT NULL REFERENCES missions (id),
        slot_minutes integer NOT NULL CHECK (slot_minutes > 0),
        tables integer NOT NULL CHECK (tables > 0),
        breaks jsonb NOT NULL DEFAULT '[]'
      )`);
    await runner.query(`
      CREATE TABLE unavailability (
        id uuid PRIMARY KEY,
        mission_id uuid NOT NULL REFERENCES missions (id),
        registration_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX unavailability_participant ON unavailability (registration_id, starts_at)`);
    await runner.query(`
      CREATE TABLE matchmaking_runs (
        id uuid PRIMARY KEY,
        mission_id uuid NOT NULL REFERENCES missions (id),
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        rebuild boolean NOT NULL,
        limit_per_participant integer,
        requested_by text NOT NULL,
        progress text,
        result jsonb,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // One run of a mission at a time.
    await runner.query(`CREATE UNIQUE INDEX matchmaking_runs_active ON matchmaking_runs (mission_id) WHERE status IN ('queued', 'running')`);
    await runner.query(`
      CREATE TABLE meeting_timetables (
        registration_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        first_run_id uuid NOT NULL,
        last_run_id uuid NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE meeting_timetables, matchmaking_runs, unavailability, meeting_blocks, meetings, matchmaking_profiles`);
  }
}
