import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { enrolmentMailEvents, type EnrolmentMailEvent } from './enrolment-mail.js';
import { EnrolmentMailService } from './enrolment-mail.service.js';

/** A participant got a seat in a session, joined its waiting list, moved up from it, or lost their place → an e-mail to them. Acked once it is queued (see DeliveryDispatcher). */
@Controller()
export class EnrolmentEventsHandler {
  constructor(private readonly mail: EnrolmentMailService) {}

  @EventPattern([...enrolmentMailEvents])
  onEnrolment(@Payload() event: CloudEvent<EnrolmentMailEvent>): Promise<void> {
    return eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, () => this.mail.notify(event));
  }
}
