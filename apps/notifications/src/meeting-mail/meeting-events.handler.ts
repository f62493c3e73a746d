import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { ParticipantDirectory } from '../participants/participant-directory.js';
import { recipientsOf } from '../participants/recipient.rules.js';
import { composeMeetingMail, meetingMailEvents, meetingMailParties, type MeetingMailEvent } from './meeting-mail.js';

/** A meeting was requested, accepted or declined → a notice to the party who has to know. Acked once the e-mail is queued (see DeliveryDispatcher). */
@Controller()
export class MeetingEventsHandler {
  private readonly logger = new Logger(MeetingEventsHandler.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly directory: ParticipantDirectory,
    private readonly deliveries: DeliveriesService,
  ) {}

  @EventPattern([...meetingMailEvents])
  onMeeting(@Payload() event: CloudEvent<MeetingMailEvent>): Promise<void> {
    return eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, async () => {
      const { recipientId, counterpartId } = meetingMailParties(event.type, event.data);
      const entries = await this.directory.entries([recipientId, counterpartId]);
      const { recipients, skipped } = recipientsOf([recipientId], [...entries.values()]);
      const recipient = recipients[0];
      if (!recipient) {
        this.logger.log({ msg: 'meeting notice not mailed', meetingId: event.data.meetingId, skipped });
        return;
      }
      const mail = composeMeetingMail(event.type, event.data, recipient, entries.get(counterpartId) ?? null);
      await this.inbox.handle(event, 'notifications.meeting-mail', ({ manager }) =>
        this.deliveries.deliver(manager, event, [{ ...mail, missionId: event.data.missionId, recipientRegistrationId: recipient.registrationId }]),
      );
    });
  }
}
