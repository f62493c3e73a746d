import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { sessionMailEvents, type SessionMailEvent } from './session-mail.js';
import { SessionMailService } from './session-mail.service.js';

/** A session moved or was cancelled after a release → an e-mail to each participant it touches. Acked once the e-mails are queued (see DeliveryDispatcher). */
@Controller()
export class SessionEventsHandler {
  constructor(private readonly mail: SessionMailService) {}

  @EventPattern([...sessionMailEvents])
  onSessionChange(@Payload() event: CloudEvent<SessionMailEvent>): Promise<void> {
    return eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, () => this.mail.notify(event));
  }
}
