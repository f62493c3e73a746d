import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { CounterStatement } from './counter-statement.js';

/** notification.sent / notification.failed → one outcome per notification of a mission. */
@Injectable()
export class NotificationEventsHandler {
  handles(event: CloudEvent): boolean {
    return event.type === 'notification.sent' || event.type === 'notification.failed';
  }

  statement(event: CloudEvent): CounterStatement | null {
    const { data } = event as CloudEvent<'notification.sent' | 'notification.failed'>;
    if (!data.missionId) return null;
    return {
      sql: `INSERT INTO notification_outcomes (notification_id, mission_id, outcome, at) VALUES ($1, $2, $3, $4) ON CONFLICT (notification_id) DO NOTHING`,
      parameters: [data.notificationId, data.missionId, event.type === 'notification.sent' ? 'sent' : 'failed', data.at],
    };
  }
}
