import { eventLogContext } from '#common';
import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { ParticipantDirectory } from '../participants/participant-directory.js';
import { recipientsOf } from '../participants/recipient.rules.js';
import { composeTimetableMail, peopleOf } from './timetable-mail.js';

/** A participant's meeting timetable was published → their timetable mail, once per event (the delivery log). */
@Controller()
export class TimetableEventsHandler {
  private readonly logger = new Logger(TimetableEventsHandler.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly directory: ParticipantDirectory,
    private readonly deliveries: DeliveriesService,
  ) {}

  @EventPattern('meeting.timetable_published')
  onTimetable(@Payload() event: CloudEvent<'meeting.timetable_published'>): Promise<void> {
    return eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, async () => {
      const entries = await this.directory.entries(peopleOf(event.data));
      const { recipients, skipped } = recipientsOf([event.data.registrationId], [...entries.values()]);
      const recipient = recipients[0];
      if (!recipient) {
        this.logger.log({ msg: 'meeting timetable not mailed', registrationId: event.data.registrationId, skipped });
        return;
      }
      const mail = composeTimetableMail(event.data, recipient, entries);
      await this.inbox.handle(event, 'notifications.meeting-timetable-mail', ({ manager }) =>
        this.deliveries.deliver(manager, event, [{ ...mail, missionId: event.data.missionId, recipientRegistrationId: recipient.registrationId }]),
      );
    });
  }
}
