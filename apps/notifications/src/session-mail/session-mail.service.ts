import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Injectable, Logger } from '@nestjs/common';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { ParticipantDirectory } from '../participants/participant-directory.js';
import { composeCancelledMail, composeRescheduledMail, type SessionMailEvent } from './session-mail.js';

@Injectable()
export class SessionMailService {
  private readonly logger = new Logger(SessionMailService.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly directory: ParticipantDirectory,
    private readonly deliveries: DeliveriesService,
  ) {}

  /** Tells each participant the event names, once each, in their language (see DeliveryDispatcher). */
  async notify(event: CloudEvent<SessionMailEvent>): Promise<void> {
    const { recipients, skipped } = await this.directory.recipients(event.data.participantIds);
    if (skipped.length > 0) this.logger.log({ msg: 'session change not mailed to some participants', sessionId: event.data.sessionId, skipped });
    const mails = recipients.map((recipient) => ({
      ...(event.type === 'session.rescheduled'
        ? composeRescheduledMail((event as CloudEvent<'session.rescheduled'>).data, recipient)
        : composeCancelledMail((event as CloudEvent<'session.cancelled'>).data, recipient)),
      missionId: event.data.missionId,
      recipientRegistrationId: recipient.registrationId,
    }));
    await this.inbox.handle(event, 'notifications.session-mail', ({ manager }) => this.deliveries.deliver(manager, event, mails));
  }
}
