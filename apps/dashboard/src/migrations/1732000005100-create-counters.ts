import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters' read model: the current state of each registration, session, enrolment and MoU,
 * and one row per notification outcome. The summary counts these rows, so every count is by current
 * state; `as_of` is the time of the event a row reflects, so an older event arriving late changes nothing.
 */
export class CreateCounters1732000005100 implements MigrationInterface {
  name = 'CreateCounters1732000005100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE registrations (
        registration_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        status text NOT NULL,
        delegation text,
        country text,
        checked_in_at timestamptz,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX registrations_by_mission ON registrations (mission_id)`);
    await runner.query(`
      CREATE TABLE sessions (
        session_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer,
        cancelled boolean NOT NULL DEFAULT false,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX sessions_by_mission ON sessions (mission_id)`);
    await runner.query(`
      CREATE TABLE enrolments (
        enrolment_id uuid PRIMARY KEY,
        session_id uuid NOT NULL,
        mission_id uuid NOT NULL,
        status text NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX enrolments_by_mission ON enrolments (mission_id)`);
    await runner.query(`
      CREATE TABLE mous (
        mou_id uuid PRIMARY KEY,
        mission_id uuid,
        status text NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX mous_by_mission ON mous (mission_id)`);
    await runner.query(`
      CREATE TABLE notification_outcomes (
        notification_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('sent', 'failed')),
        at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX notification_outcomes_by_mission ON notification_outcomes (mission_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE notification_outcomes, mous, enrolments, sessions, registrations`);
  }
}
