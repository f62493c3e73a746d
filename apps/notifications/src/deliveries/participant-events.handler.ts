import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DeliveriesService } from './deliveries.service.js';

/** Registration erased a participant's personal data; the delivery log and the participant directory forget them too. */
@Controller()
export class ParticipantEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @EventPattern('participant.erased')
  async onErased(@Payload() event: CloudEvent<'participant.erased'>): Promise<void> {
    await this.inbox.handle(event, 'notifications.participant-erasure', (unit) => this.deliveries.erase(unit, event.data.registrationId));
  }
}
