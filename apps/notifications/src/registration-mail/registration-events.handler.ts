import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import type { EventHandlerExtras } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { registrationMailEvents, type RegistrationMailEvent } from './registration-mail.js';
import { RegistrationMailService } from './registration-mail.service.js';

/**
 * registration.* outcomes → an e-mail to the participant. The message is acked when this resolves.
 * Not in the transport's batches: the e-mail is sent inside the inbox work, and a failed first
 * attempt is retried in transactions of their own that must see the delivery row committed.
 */
@Controller()
export class RegistrationEventsHandler {
  constructor(private readonly mail: RegistrationMailService) {}

  @EventPattern([...registrationMailEvents], { batched: false } satisfies EventHandlerExtras)
  onRegistrationOutcome(@Payload() event: CloudEvent<RegistrationMailEvent>): Promise<void> {
    return eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, () => this.mail.notify(event));
  }
}
