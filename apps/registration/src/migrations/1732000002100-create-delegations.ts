import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delegations as rows of their own (DESIGN.md, "Delegations"). What `registration_settings.delegation_quotas`
 * and the registrations' free-text `delegation` held becomes one delegation per name (compared
 * case-insensitively), with its quota; each registration points at its delegation, spelt as the
 * delegation is. The quotas column stays, no longer read.
 */
export class CreateDelegations1732000002100 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY,
        mission_id uuid NOT NULL REFERENCES missions (id),
        name text NOT NULL,
        names jsonb NOT NULL,
        country text NOT NULL,
        city text,
        parent_id uuid REFERENCES delegations (id),
        head_registration_id uuid REFERENCES registrations (id),
        precedence integer NOT NULL CHECK (precedence > 0),
        quota integer CHECK (quota >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS DISTINCT FROM id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX delegations_mission_name ON delegations (mission_id, lower(name))`);
    await runner.query(`CREATE INDEX delegations_mission_precedence ON delegations (mission_id, precedence)`);
    await runner.query(`
      ALTER TABLE registrations
        ADD COLUMN delegation_id uuid REFERENCES delegations (id),
        ADD COLUMN delegation_role text`);
    // The quota counts, per delegation, under the mission's lock.
    await runner.query(`CREATE INDEX registrations_confirmed_delegation_id ON registrations (mission_id, delegation_id) WHERE status = 'confirmed'`);
    await runner.query(`CREATE INDEX registrations_delegation_id ON registrations (delegation_id) WHERE delegation_id IS NOT NULL`);

    // One delegation per name a mission had (a quota's key, or what registrants typed): the quota's
    // spelling first, else the most used one; the country most of its registrants came from, else
    // ZZ (ISO 3166's code for an unknown country) until an organiser says; precedence in alphabetical order.
    await runner.query(`
      WITH spelt AS (
        SELECT s.mission_id, q.key AS name, q.value::int AS quota, 0 AS rank FROM registration_settings s, jsonb_each_text(s.delegation_quotas) q
        UNION ALL
        SELECT mission_id, delegation, NULL, 1 + row_number() OVER (PARTITION BY mission_id, lower(delegation) ORDER BY count(*) DESC, delegation)
          FROM registrations WHERE delegation IS NOT NULL AND btrim(delegation) <> '' GROUP BY mission_id, delegation
      ),
      chosen AS (
        SELECT DISTINCT ON (mission_id, lower(name)) mission_id, name,
               (SELECT max(quota) FROM spelt o WHERE o.mission_id = spelt.mission_id AND lower(o.name) = lower(spelt.name)) AS quota
          FROM spelt ORDER BY mission_id, lower(name), rank
      )
      INSERT INTO delegations (id, mission_id, name, names, country, precedence, quota)
      SELECT gen_random_uuid(), c.mission_id, c.name, jsonb_build_object('en', c.name),
             coalesce((SELECT r.organisation_country FROM registrations r
                        WHERE r.mission_id = c.mission_id AND lower(r.delegation) = lower(c.name)
                        GROUP BY r.organisation_country ORDER BY count(*) DESC, r.organisation_country LIMIT 1), 'ZZ'),
             row_number() OVER (PARTITION BY c.mission_id ORDER BY lower(c.name)),
             c.quota
        FROM chosen c`);
    await runner.query(`
      UPDATE registrations r SET delegation_id = d.id, delegation = d.name
        FROM delegations d
       WHERE d.mission_id = r.mission_id AND lower(d.name) = lower(r.delegation)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX registrations_delegation_id`);
    await runner.query(`DROP INDEX registrations_confirmed_delegation_id`);
    await runner.query(`ALTER TABLE registrations DROP COLUMN delegation_id, DROP COLUMN delegation_role`);
    await runner.query(`DROP TABLE delegations`);
  }
}
