import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Urban Cooperative Action Plans (issue 15): a plan per city pair or thematic cluster, its authors,
 * its trail, and the MoU follow-up's pilot projects and milestones widened to belong to a plan. The
 * pilot projects and milestones written before stay as they are, each with its MoU and no plan
 * (docs/DESIGN.md, "Action plans", says why no plan is made up for them).
 */
export class CreateActionPlans1732000003200 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE action_plans (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        mission_id uuid,
        title text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('city_pair', 'cluster')),
        cities jsonb NOT NULL,
        theme text,
        summary text,
        visibility text NOT NULL CHECK (visibility IN ('public', 'organisers')),
        status text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX action_plans_mission_seq ON action_plans (mission_id, seq)`);
    await runner.query(`CREATE INDEX action_plans_public_seq ON action_plans (seq) WHERE visibility = 'public'`);

    await runner.query(`
      CREATE TABLE action_plan_authors (
        plan_id uuid NOT NULL REFERENCES action_plans (id),
        position int NOT NULL,
        role text NOT NULL,
        name text NOT NULL,
        organisation text,
        email text,
        registration_id uuid,
        erased_at timestamptz,
        PRIMARY KEY (plan_id, position)
      )`);
    await runner.query(`CREATE INDEX action_plan_authors_registration ON action_plan_authors (registration_id) WHERE registration_id IS NOT NULL`);

    await runner.query(`
      CREATE TABLE action_plan_history (
        plan_id uuid NOT NULL REFERENCES action_plans (id),
        seq int NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL,
        details jsonb NOT NULL,
        previous_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (plan_id, seq)
      )`);
    await runner.query(`COMMENT ON TABLE action_plan_history IS 'append-only audit trail per action plan, chained by hash as mou_history is'`);

    // A pilot project belongs to a plan, to an MoU, or to both (a plan's project that carries out an MoU).
    await runner.query(`ALTER TABLE pilot_projects ALTER COLUMN mou_id DROP NOT NULL, ALTER COLUMN lead_party DROP NOT NULL`);
    await runner.query(`
      ALTER TABLE pilot_projects
        ADD COLUMN plan_id uuid REFERENCES action_plans (id),
        ADD COLUMN summary text,
        ADD COLUMN responsible_name text,
        ADD COLUMN responsible_email text,
        ADD COLUMN responsible_language text,
        ADD COLUMN responsible_registration_id uuid,
        ADD COLUMN partners jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN means text,
        ADD COLUMN budget_sources jsonb NOT NULL DEFAULT '[]',
        ADD CONSTRAINT pilot_projects_belong CHECK (plan_id IS NOT NULL OR mou_id IS NOT NULL)`);
    await runner.query(`CREATE INDEX pilot_projects_plan ON pilot_projects (plan_id) WHERE plan_id IS NOT NULL`);
    await runner.query(`CREATE INDEX pilot_projects_responsible ON pilot_projects (responsible_registration_id) WHERE responsible_registration_id IS NOT NULL`);

    await runner.query(`
      CREATE TABLE pilot_indicators (
        id uuid PRIMARY KEY,
        pilot_project_id uuid NOT NULL REFERENCES pilot_projects (id),
        name text NOT NULL,
        unit text NOT NULL,
        baseline numeric NOT NULL,
        target numeric NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX pilot_indicators_project ON pilot_indicators (pilot_project_id)`);
    await runner.query(`
      CREATE TABLE indicator_reports (
        id uuid PRIMARY KEY,
        indicator_id uuid NOT NULL REFERENCES pilot_indicators (id),
        value numeric NOT NULL,
        as_of date NOT NULL,
        note text,
        reported_by text NOT NULL,
        reported_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX indicator_reports_indicator ON indicator_reports (indicator_id, as_of)`);

    // A milestone belongs to an MoU (the follow-up's, as before) or to a plan.
    await runner.query(`ALTER TABLE milestones ALTER COLUMN mou_id DROP NOT NULL`);
    await runner.query(`
      ALTER TABLE milestones
        ADD COLUMN plan_id uuid REFERENCES action_plans (id),
        ADD CONSTRAINT milestones_belong CHECK (plan_id IS NOT NULL OR mou_id IS NOT NULL)`);
    await runner.query(`CREATE INDEX milestones_plan ON milestones (plan_id) WHERE plan_id IS NOT NULL`);

    await runner.query(`
      CREATE TABLE milestone_reminders (
        milestone_id uuid NOT NULL REFERENCES milestones (id),
        offset_ms bigint NOT NULL,
        remind_at timestamptz NOT NULL,
        sent_at timestamptz,
        PRIMARY KEY (milestone_id, offset_ms)
      )`);
    await runner.query(
      `COMMENT ON TABLE milestone_reminders IS 'one row per reminder of a plan milestone; sent_at is set in the transaction that writes its event, once'`,
    );
    await runner.query(`CREATE INDEX milestone_reminders_due ON milestone_reminders (remind_at) WHERE sent_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE milestone_reminders`);
    await runner.query(`DELETE FROM milestones WHERE mou_id IS NULL`);
    await runner.query(`ALTER TABLE milestones DROP COLUMN plan_id, ALTER COLUMN mou_id SET NOT NULL`);
    await runner.query(`DROP TABLE indicator_reports`);
    await runner.query(`DROP TABLE pilot_indicators`);
    await runner.query(`DELETE FROM pilot_projects WHERE mou_id IS NULL`);
    await runner.query(`UPDATE pilot_projects SET lead_party = '' WHERE lead_party IS NULL`);
    await runner.query(`
      ALTER TABLE pilot_projects DROP COLUMN plan_id, DROP COLUMN summary, DROP COLUMN responsible_name, DROP COLUMN responsible_email,
        DROP COLUMN responsible_language, DROP COLUMN responsible_registration_id, DROP COLUMN partners, DROP COLUMN means, DROP COLUMN budget_sources,
        ALTER COLUMN mou_id SET NOT NULL, ALTER COLUMN lead_party SET NOT NULL`);
    for (const table of ['action_plan_history', 'action_plan_authors', 'action_plans']) await runner.query(`DROP TABLE ${table}`);
  }
}
