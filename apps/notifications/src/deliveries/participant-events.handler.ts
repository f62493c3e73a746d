import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { participantDirectoryRepository } from '../participants/participant-directory.repository.js';
import { deliveriesRepository } from './deliveries.repository.js';

/** Registration erased a participant's personal data; the delivery log and the participant directory forget them too. */
@Controller()
export class ParticipantEventsHandler {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern('participant.erased')
  async onErased(@Payload() event: CloudEvent<'participant.erased'>): Promise<void> {
    await eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, () =>
      this.inbox.handle(event, 'notifications.participant-erasure', async ({ manager }) => {
        // eraseRecipient takes the erasure lock first: a directory update or a mail under way finishes before, or finds them erased after.
        await deliveriesRepository.eraseRecipient(manager, event.data.registrationId);
        await participantDirectoryRepository.forget(manager, event.data.registrationId);
      }),
    );
  }
}
