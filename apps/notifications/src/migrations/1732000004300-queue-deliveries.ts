import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery log becomes the mail queue: an event's handler only records its e-mails (`pending`,
 * due now), and the dispatcher sends what is due, outside the event's transaction (see
 * DeliveryDispatcher). `next_attempt_at` is when a pending e-mail is due; `correlation_id` is the
 * cause event's, so that `notification.sent` sent later still carries the flow it belongs to.
 */
export class QueueDeliveries1732000004300 implements MigrationInterface {
  name = 'QueueDeliveries1732000004300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE deliveries ADD COLUMN next_attempt_at timestamptz, ADD COLUMN correlation_id text`);
    // E-mails an older version was still trying in memory: the dispatcher takes them over.
    await runner.query(`UPDATE deliveries SET next_attempt_at = now() WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX deliveries_due`);
    await runner.query(`ALTER TABLE deliveries DROP COLUMN next_attempt_at, DROP COLUMN correlation_id`);
  }
}
