import { eventually } from './eventually.js';
import { queueBacklog, withDatabase } from './isolation.js';
import type { TestSystem } from './system.js';

/**
 * Notifications has handled every event on its queue and sent (or given up on) every e-mail due by
 * now: what has not been mailed by now will not be. E-mails wait in the delivery log after their
 * event is acked, so an empty queue alone does not say that.
 */
export function notificationsSettled(system: Pick<TestSystem, 'vhost' | 'schemaOf'>): Promise<unknown> {
  const dueEmails = () =>
    withDatabase(async (client) => {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM "${system.schemaOf('notifications')}".deliveries WHERE status = 'pending' AND next_attempt_at <= now()`,
      );
      return rows[0].n as number;
    });
  return eventually(async () => (await queueBacklog(system.vhost, 'mission-hub.notifications')) === 0 && (await dueEmails()) === 0, {
    what: 'notifications to handle every event and send every e-mail due',
  });
}
