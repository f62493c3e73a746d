import { eventually } from './eventually.js';
import { withDatabase } from './isolation.js';
import { eventQueuesEmpty } from './settled.js';
import type { TestSystem } from './system.js';

/**
 * Notifications has handled every event that reached it, those waiting in a retry queue included, and
 * sent (or given up on) every e-mail it queued, those waiting for a later attempt included: what has
 * not been mailed by now will not be. E-mails wait in the delivery log after their event is acked, so
 * empty queues alone do not say that. Waits out retries, so a test whose mail server keeps refusing
 * ends that before it asks.
 */
export function notificationsSettled(system: Pick<TestSystem, 'vhost' | 'rabbitmqUrl' | 'urls' | 'schemaOf'>): Promise<unknown> {
  const pendingEmails = () =>
    withDatabase(async (client) => {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${system.schemaOf('notifications')}".deliveries WHERE status = 'pending'`);
      return rows[0].n as number;
    });
  return eventually(async () => (await eventQueuesEmpty(system, 'notifications')) && (await pendingEmails()) === 0, {
    what: 'notifications to handle every event and send every e-mail it queued',
    timeoutMs: 30_000,
  });
}
