import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Venues, transfer times, sessions, the participants read model, enrolments and releases of a mission's programme. */
export class CreateProgramme1732000001100 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE venues (
        id uuid PRIMARY KEY,
        mission_id uuid NOT NULL REFERENCES missions (id),
        name text NOT NULL,
        address text NOT NULL,
        city text NOT NULL,
        timezone text NOT NULL,
        latitude double precision,
        longitude double precision,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX venues_mission ON venues (mission_id, name)`);
    // One row per pair of cities, the pair in name order, so A→B and B→A are the same journey.
    await runner.query(`
      CREATE TABLE transfer_times (
        mission_id uuid NOT NULL REFERENCES missions (id),
        city_a text NOT NULL,
        city_b text NOT NULL,
        minutes integer NOT NULL CHECK (minutes > 0),
        PRIMARY KEY (mission_id, city_a, city_b),
        CHECK (city_a < city_b)
      )`);
    await runner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        mission_id uuid NOT NULL REFERENCES missions (id),
        kind text NOT NULL,
        title text NOT NULL,
        description text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        venue_id uuid REFERENCES venues (id),
        route jsonb,
        host_event text,
        capacity integer CHECK (capacity > 0),
        languages text[] NOT NULL,
        interpretation jsonb NOT NULL DEFAULT '[]',
        audience jsonb NOT NULL,
        speakers jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        cancellation_reason text,
        released_at timestamptz,
        sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX sessions_mission ON sessions (mission_id, starts_at, id)`);
    await runner.query(`CREATE INDEX sessions_venue ON sessions (venue_id, starts_at) WHERE status = 'active'`);
    await runner.query(`
      CREATE TABLE participants (
        registration_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        status text NOT NULL,
        delegation text,
        preferred_language text NOT NULL,
        timezone text NOT NULL,
        token_hash text UNIQUE,
        erased_at timestamptz,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX participants_mission ON participants (mission_id)`);
    await runner.query(`CREATE SEQUENCE enrolment_waitlist_order`);
    await runner.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        session_id uuid NOT NULL REFERENCES sessions (id),
        mission_id uuid NOT NULL,
        registration_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        waitlist_order bigint,
        enrolled_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX enrolments_active ON enrolments (session_id, registration_id) WHERE status <> 'cancelled'`);
    await runner.query(`CREATE INDEX enrolments_participant ON enrolments (registration_id) WHERE status <> 'cancelled'`);
    await runner.query(`CREATE INDEX enrolments_waitlist ON enrolments (session_id, waitlist_order) WHERE status = 'waitlisted'`);
    await runner.query(`
      CREATE TABLE releases (
        mission_id uuid NOT NULL REFERENCES missions (id),
        number integer NOT NULL,
        published_at timestamptz NOT NULL,
        published_by text NOT NULL,
        programme jsonb NOT NULL,
        changes jsonb NOT NULL,
        PRIMARY KEY (mission_id, number)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE releases, enrolments, participants, sessions, transfer_times, venues`);
    await runner.query(`DROP SEQUENCE enrolment_waitlist_order`);
  }
}
