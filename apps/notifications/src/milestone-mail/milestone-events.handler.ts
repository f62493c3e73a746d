import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { composeMilestoneReminder } from './milestone-mail.js';

/** An MoU milestone is overdue → one reminder to its owner Acked once it is queued (see DeliveryDispatcher). */
@Controller()
export class MilestoneEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @EventPattern('mou.milestone_due')
  onMilestoneDue(@Payload() event: CloudEvent<'mou.milestone_due'>): Promise<void> {
    return eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, async () => {
      const mail = composeMilestoneReminder(event.data);
      if (!mail) return;
      // An owner who is a participant is named by registration too: once they are erased, a reminder
      // the registry sent before it knew is not sent (the delivery log's erasure rules apply).
      await this.inbox.handle(event, 'notifications.milestone-reminder', ({ manager }) =>
        this.deliveries.deliver(manager, event, [
          { ...mail, missionId: event.data.missionId, recipientRegistrationId: event.data.owner.registrationId ?? null },
        ]),
      );
    });
  }
}
