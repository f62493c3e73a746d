import type { Statement } from '#common';
import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import { CountersRepository } from './counters.repository.js';

/** notification.sent / notification.failed → one outcome per notification of a mission (and of its broadcast, if it was one's); broadcast.released → the broadcast. */
@Injectable()
export class NotificationsProjection {
  constructor(private readonly repository: CountersRepository) {}

  handles(event: CloudEvent): boolean {
    return event.type === 'notification.sent' || event.type === 'notification.failed' || event.type === 'broadcast.released';
  }

  statement(event: CloudEvent): Statement | null {
    if (event.type === 'broadcast.released') {
      const released = (event as CloudEvent<'broadcast.released'>).data;
      return this.repository.keepBroadcast(released);
    }
    const { data } = event as CloudEvent<'notification.sent' | 'notification.failed'>;
    if (!data.missionId) return null;
    return this.repository.keepNotificationOutcome({
      notificationId: data.notificationId,
      missionId: data.missionId,
      outcome: event.type === 'notification.sent' ? 'sent' : 'failed',
      at: data.at,
      broadcastId: data.broadcastId ?? null,
      bounced: 'bounced' in data && data.bounced === true,
    });
  }
}
