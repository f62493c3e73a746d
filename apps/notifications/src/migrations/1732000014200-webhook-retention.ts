import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhooks' retention (docs/DESIGN.md, Webhooks, Retention) deletes an event once no delivery
 * of it is left: every delivery is found by its event, settled or not, where before only the
 * pending ones were (for an erasure, which this index serves as well).
 */
export class WebhookRetention1732000014200 implements MigrationInterface {
  name = 'WebhookRetention1732000014200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX webhook_deliveries_of_event ON webhook_deliveries (event_id)`);
    await runner.query(`DROP INDEX webhook_deliveries_by_event`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id) WHERE status = 'pending'`);
    await runner.query(`DROP INDEX webhook_deliveries_of_event`);
  }
}
