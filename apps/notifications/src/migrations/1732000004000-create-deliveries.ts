import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeliveries1732000004000 implements MigrationInterface {
  name = 'CreateDeliveries1732000004000';

  async up(runner: QueryRunner): Promise<void> {
    // One row per e-mail an event causes to one person; the unique key is what makes it "once".
    // `message` is the rendered e-mail, kept so that a re-send after a crash is the same message.
    await runner.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        cause_event_id uuid NOT NULL,
        cause_event_type text NOT NULL,
        mission_id uuid,
        recipient text NOT NULL,
        recipient_registration_id uuid,
        channel text NOT NULL DEFAULT 'email',
        template text NOT NULL,
        language text NOT NULL,
        message_id text NOT NULL,
        message jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        smtp_response text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT deliveries_once_per_event_and_recipient UNIQUE (cause_event_id, recipient)
      )`);
    await runner.query(`CREATE INDEX deliveries_by_mission ON deliveries (mission_id, seq)`);
    await runner.query(`CREATE INDEX deliveries_by_registration ON deliveries (recipient_registration_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE deliveries`);
  }
}
