import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { registrationMailEvents, type RegistrationMailEvent } from './registration-mail.js';
import { RegistrationMailService } from './registration-mail.service.js';

/** registration.* outcomes → an e-mail to the participant, queued with the event's inbox row (see DeliveryDispatcher). */
@Controller()
export class RegistrationEventsHandler {
  constructor(private readonly mail: RegistrationMailService) {}

  @EventPattern([...registrationMailEvents])
  onRegistrationOutcome(@Payload() event: CloudEvent<RegistrationMailEvent>): Promise<void> {
    return eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, () => this.mail.notify(event));
  }
}
