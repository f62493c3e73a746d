import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistrations1732000002002 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE registrations (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        mission_id uuid NOT NULL REFERENCES missions (id),
        status text NOT NULL CHECK (status IN ('pending_approval', 'confirmed', 'waitlisted', 'rejected', 'cancelled')),
        email text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        job_title text,
        organisation_name text NOT NULL,
        organisation_type text NOT NULL,
        organisation_country text NOT NULL,
        organisation_city text,
        delegation text,
        preferred_language text NOT NULL,
        timezone text NOT NULL,
        dietary text,
        accessibility text,
        consented_at timestamptz NOT NULL,
        token_hash text NOT NULL,
        waitlist_order bigint,
        rejection_reason text,
        checked_in_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // One active registration per e-mail and mission; a cancelled or rejected one does not block a new one.
    await runner.query(`
      CREATE UNIQUE INDEX registrations_active_email ON registrations (mission_id, lower(email))
        WHERE status IN ('pending_approval', 'confirmed', 'waitlisted')`);
    await runner.query(`CREATE UNIQUE INDEX registrations_token_hash ON registrations (token_hash)`);
    // The organiser's list, in keyset order.
    await runner.query(`CREATE INDEX registrations_mission_seq ON registrations (mission_id, seq)`);
    await runner.query(`CREATE INDEX registrations_waitlist ON registrations (mission_id, waitlist_order) WHERE status = 'waitlisted'`);
    await runner.query(`CREATE INDEX registrations_confirmed_delegation ON registrations (mission_id, delegation) WHERE status = 'confirmed'`);
    // Taken while the mission's settings row is locked, so its order is the order of arrival on the waitlist.
    await runner.query(`CREATE SEQUENCE registration_waitlist_order`);
    // The seat counters on the settings row follow the registrations' statuses in the same statement,
    // so they cannot drift from the rows, and a registration costs no extra round trip under the lock.
    // A change that moves no seat (pending -> rejected, check-in) leaves the settings row alone.
    await runner.query(`
      CREATE FUNCTION registration_seat_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        confirmed_change integer := 0;
        waitlisted_change integer := 0;
        mission uuid;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          confirmed_change := confirmed_change - (OLD.status = 'confirmed')::integer;
          waitlisted_change := waitlisted_change - (OLD.status = 'waitlisted')::integer;
          mission := OLD.mission_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          confirmed_change := confirmed_change + (NEW.status = 'confirmed')::integer;
          waitlisted_change := waitlisted_change + (NEW.status = 'waitlisted')::integer;
          mission := NEW.mission_id;
        END IF;
        IF confirmed_change <> 0 OR waitlisted_change <> 0 THEN
          UPDATE registration_settings
             SET confirmed_count = confirmed_count + confirmed_change, waitlisted_count = waitlisted_count + waitlisted_change
           WHERE mission_id = mission;
        END IF;
        RETURN NULL;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER registration_seat_counts AFTER INSERT OR DELETE OR UPDATE OF status ON registrations
        FOR EACH ROW EXECUTE FUNCTION registration_seat_counts()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER registration_seat_counts ON registrations`);
    await runner.query(`DROP FUNCTION registration_seat_counts()`);
    await runner.query(`DROP SEQUENCE registration_waitlist_order`);
    await runner.query(`DROP TABLE registrations`);
  }
}
