import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The registry: MoUs, their signatories, versions of the text, the audit trail, the follow-up, and the participants it knows of. */
export class CreateMous1732000003000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE mou_reference_counters (
        year int PRIMARY KEY,
        last int NOT NULL
      )`);
    await runner.query(
      `COMMENT ON TABLE mou_reference_counters IS 'the last reference number given per year: its row is locked while a number is taken, so no two MoUs share one'`,
    );
    await runner.query(`
      CREATE TABLE mous (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        reference text NOT NULL UNIQUE,
        mission_id uuid,
        title text NOT NULL,
        summaries jsonb NOT NULL,
        themes text[] NOT NULL,
        parties jsonb NOT NULL,
        party_names text[] NOT NULL,
        party_countries text[] NOT NULL,
        signed_on date,
        signed_place text,
        signed_year int GENERATED ALWAYS AS (extract(year FROM signed_on)::int) STORED,
        entry_into_force_on date,
        expires_on date,
        visibility text NOT NULL CHECK (visibility IN ('public', 'organisers')),
        status text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('simple'::regconfig, title) || jsonb_to_tsvector('simple'::regconfig, summaries, '["string"]')
        ) STORED
      )`);
    await runner.query(`COMMENT ON COLUMN mous.party_names IS 'lower-cased party names, for the register''s party filter'`);
    await runner.query(`CREATE INDEX mous_search ON mous USING gin (search)`);
    await runner.query(`CREATE INDEX mous_themes ON mous USING gin (themes)`);
    await runner.query(`CREATE INDEX mous_party_names ON mous USING gin (party_names)`);
    await runner.query(`CREATE INDEX mous_party_countries ON mous USING gin (party_countries)`);
    await runner.query(`CREATE INDEX mous_visibility_seq ON mous (visibility, seq)`);
    await runner.query(`CREATE INDEX mous_status_seq ON mous (status, seq)`);
    await runner.query(`CREATE INDEX mous_mission_seq ON mous (mission_id, seq)`);
    await runner.query(`CREATE INDEX mous_signed_year_seq ON mous (signed_year, seq)`);
    await runner.query(`CREATE INDEX mous_expiring ON mous (expires_on) WHERE status IN ('signed', 'in_force')`);

    await runner.query(`
      CREATE TABLE mou_signatories (
        mou_id uuid NOT NULL REFERENCES mous (id),
        position int NOT NULL,
        name text,
        title text NOT NULL,
        party text NOT NULL,
        registration_id uuid,
        erased_at timestamptz,
        PRIMARY KEY (mou_id, position)
      )`);
    await runner.query(`CREATE INDEX mou_signatories_registration ON mou_signatories (registration_id) WHERE registration_id IS NOT NULL`);

    await runner.query(`
      CREATE TABLE mou_versions (
        mou_id uuid NOT NULL REFERENCES mous (id),
        version int NOT NULL,
        language text NOT NULL,
        media_type text NOT NULL,
        sha256 text NOT NULL,
        size int NOT NULL,
        content bytea NOT NULL,
        amendment boolean NOT NULL,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL,
        signed_on date,
        signed_place text,
        signed_by text,
        signed_at timestamptz,
        PRIMARY KEY (mou_id, version)
      )`);
    // A signed version is what was signed: nothing may change or remove it, whatever the code does.
    await runner.query(`
      CREATE FUNCTION mou_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'version % of MoU % is signed and frozen', OLD.version, OLD.mou_id USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await runner.query(`
      CREATE TRIGGER mou_versions_frozen BEFORE UPDATE OR DELETE ON mou_versions
      FOR EACH ROW WHEN (OLD.signed_at IS NOT NULL) EXECUTE FUNCTION mou_versions_frozen()`);

    await runner.query(`
      CREATE TABLE mou_history (
        mou_id uuid NOT NULL REFERENCES mous (id),
        seq int NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL,
        details jsonb NOT NULL,
        previous_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (mou_id, seq)
      )`);
    await runner.query(`COMMENT ON TABLE mou_history IS 'append-only audit trail per MoU; each hash covers the entry and the previous hash'`);

    await runner.query(`
      CREATE TABLE participants (
        registration_id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        status text NOT NULL,
        given_name text,
        family_name text,
        email text,
        preferred_language text,
        as_of timestamptz NOT NULL,
        erased_at timestamptz
      )`);
    await runner.query(`COMMENT ON TABLE participants IS 'registrations as registration announces them; an erased one keeps only its ids'`);

    await runner.query(`
      CREATE TABLE pilot_projects (
        id uuid PRIMARY KEY,
        mou_id uuid NOT NULL REFERENCES mous (id),
        title text NOT NULL,
        lead_party text NOT NULL,
        budget_amount numeric(14, 2),
        budget_currency text,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX pilot_projects_mou ON pilot_projects (mou_id)`);

    await runner.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY,
        mou_id uuid NOT NULL REFERENCES mous (id),
        pilot_project_id uuid REFERENCES pilot_projects (id),
        title text NOT NULL,
        due_on date NOT NULL,
        owner_name text NOT NULL,
        owner_email text,
        owner_language text,
        owner_registration_id uuid,
        completed_at timestamptz,
        completed_by text,
        due_announced_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX milestones_mou ON milestones (mou_id)`);
    await runner.query(`CREATE INDEX milestones_open_due ON milestones (due_on) WHERE completed_at IS NULL AND due_announced_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['milestones', 'pilot_projects', 'participants', 'mou_history', 'mou_versions', 'mou_signatories', 'mous', 'mou_reference_counters']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`DROP FUNCTION mou_versions_frozen()`);
  }
}
