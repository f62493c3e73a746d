/** The bare system's tables, in one schema of the bench database: mirrors of what the services keep. */
export function bareSchemaDdl(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE SCHEMA ${s}`,
    `CREATE TABLE ${s}.missions (id uuid PRIMARY KEY, capacity integer NOT NULL, confirmed integer NOT NULL DEFAULT 0)`,
    `CREATE TABLE ${s}.registrations (
       id uuid PRIMARY KEY, mission_id uuid NOT NULL, email text NOT NULL, status text NOT NULL,
       data jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE UNIQUE INDEX registrations_email ON ${s}.registrations (mission_id, lower(email))`,
    `CREATE TABLE ${s}.outbox (
       id bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, type text NOT NULL, payload jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz NULL)`,
    `CREATE INDEX outbox_unpublished ON ${s}.outbox (id) WHERE published_at IS NULL`,
    `CREATE TABLE ${s}.scheduling_inbox (event_id uuid NOT NULL, handler text NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (event_id, handler))`,
    `CREATE TABLE ${s}.scheduling_participants (registration_id uuid PRIMARY KEY, mission_id uuid NOT NULL, status text NOT NULL)`,
    `CREATE TABLE ${s}.notifications_inbox (event_id uuid NOT NULL, handler text NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (event_id, handler))`,
    `CREATE TABLE ${s}.notifications_log (id bigserial PRIMARY KEY, event_id uuid NOT NULL, recipient text NOT NULL, sent_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE ${s}.dashboard_inbox (event_id uuid NOT NULL, handler text NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (event_id, handler))`,
    `CREATE TABLE ${s}.dashboard_events (position bigserial PRIMARY KEY, mission_id uuid NOT NULL, event_id uuid NOT NULL, type text NOT NULL, payload jsonb NOT NULL)`,
  ];
}
