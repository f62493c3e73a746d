import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks (docs/DESIGN.md, Webhooks): the endpoints organisers subscribe, each event they
 * take kept once (`webhook_events`, its body exactly as it is signed and sent), one delivery per
 * endpoint and event (the unique key is the "once"), and every attempt at it (the endpoint's log).
 */
export class CreateWebhooks1732000004700 implements MigrationInterface {
  name = 'CreateWebhooks1732000004700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        mission_id uuid NOT NULL,
        url text NOT NULL,
        description text,
        contact_email text,
        language text NOT NULL DEFAULT 'en',
        event_types text[] NOT NULL,
        status text NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),
        disabled_reason text,
        disabled_at timestamptz,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        failing_since timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX webhook_endpoints_by_mission ON webhook_endpoints (mission_id) WHERE status = 'enabled'`);
    await runner.query(`
      CREATE TABLE webhook_events (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        mission_id uuid NOT NULL,
        body text,
        named_ids uuid[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX webhook_events_by_named_id ON webhook_events USING gin (named_ids)`);
    await runner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES webhook_events (id),
        event_type text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'dropped')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        first_attempt_at timestamptz,
        manual boolean NOT NULL DEFAULT false,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_once_per_endpoint_and_event UNIQUE (endpoint_id, event_id)
      )`);
    await runner.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, seq)`);
    await runner.query(`CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id) WHERE status = 'pending'`);
    await runner.query(`
      CREATE TABLE webhook_attempts (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL,
        attempt integer NOT NULL,
        manual boolean NOT NULL,
        status_code integer,
        duration_ms integer NOT NULL,
        error text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX webhook_attempts_by_endpoint ON webhook_attempts (endpoint_id, seq)`);
    // The webhooks' own record of erasures: the delivery log's may not be committed yet when a webhook's event is queued.
    await runner.query(`CREATE TABLE webhook_erasures (registration_id uuid PRIMARY KEY, erased_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE webhook_erasures, webhook_attempts, webhook_deliveries, webhook_events, webhook_endpoints`);
  }
}
