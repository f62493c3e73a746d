import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { accessMailEvents, type AccessMailEvent } from './access-mail.js';
import { AccessMailService } from './access-mail.service.js';

/** A participant asked for their link again, or their access was revoked → their sign-in link, by e-mail. */
@Controller()
export class AccessEventsHandler {
  constructor(private readonly mail: AccessMailService) {}

  @EventPattern([...accessMailEvents])
  onAccess(@Payload() event: CloudEvent<AccessMailEvent>): Promise<void> {
    return eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, () => this.mail.send(event));
  }
}
