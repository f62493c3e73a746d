import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { deliveriesRepository } from './deliveries.repository.js';

/** Registration erased a participant's personal data; the delivery log forgets their address too. */
@Controller()
export class ParticipantEventsHandler {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern('participant.erased')
  async onErased(@Payload() event: CloudEvent<'participant.erased'>): Promise<void> {
    await eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, () =>
      this.inbox.handle(event, 'notifications.participant-erasure', (manager) => deliveriesRepository.eraseRecipient(manager, event.data.registrationId)),
    );
  }
}
