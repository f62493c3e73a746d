import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Injectable, Logger } from '@nestjs/common';
import { DeliveriesService, type DueMail } from '../deliveries/deliveries.service.js';
import { ParticipantDirectory } from '../participants/participant-directory.js';
import { composeEnrolmentMail, enrolmentNotice, type EnrolmentMailEvent } from './enrolment-mail.js';

@Injectable()
export class EnrolmentMailService {
  private readonly logger = new Logger(EnrolmentMailService.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly directory: ParticipantDirectory,
    private readonly deliveries: DeliveriesService,
  ) {}

  /** Tells the participant where they now stand in the session, once (see DeliveryDispatcher), in their language. */
  async notify(event: CloudEvent<EnrolmentMailEvent>): Promise<void> {
    const notice = enrolmentNotice(event.type, event.data);
    const mails: DueMail[] = [];
    if (notice) {
      const { recipients, skipped } = await this.directory.recipients([event.data.registrationId]);
      if (skipped.length > 0) this.logger.log({ msg: 'enrolment not mailed', enrolmentId: event.data.enrolmentId, skipped });
      for (const recipient of recipients) {
        mails.push({ ...composeEnrolmentMail(notice, recipient), missionId: event.data.missionId, recipientRegistrationId: recipient.registrationId });
      }
    }
    await this.inbox.handle(event, 'notifications.enrolment-mail', ({ manager }) => this.deliveries.deliver(manager, event, mails));
  }
}
