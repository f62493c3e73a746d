import { registrationSnapshotTypes, type CloudEvent, type RegistrationSnapshotType } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { deliveriesRepository } from '../deliveries/deliveries.repository.js';
import { RegistrationMailService } from '../registration-mail/registration-mail.service.js';
import { participantDirectoryRepository } from './participant-directory.repository.js';

/**
 * Keeps the participant directory up to date from registration's events and queues the e-mail an
 * outcome calls for, once per event (inbox), in one transaction: one inbox row and one erasure check
 * for both, on the path every registration takes.
 */
@Controller()
export class DirectoryEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly registrationMail: RegistrationMailService,
  ) {}

  @EventPattern([...registrationSnapshotTypes])
  async onRegistration(@Payload() event: CloudEvent<RegistrationSnapshotType>): Promise<void> {
    await this.inbox.handle(event, 'notifications.participant-directory', async ({ manager }) => {
      // A snapshot that arrives after the participant's erasure (a retry) must not bring them back, nor
      // mail them: both statements look for the erasure, under its lock.
      deliveriesRepository.lockErasure(manager, event.data.registrationId);
      // The directory's write and the mail's queueing in one statement, sent with the commit.
      await this.registrationMail.queue(manager, event, participantDirectoryRepository.keepStatement(event.data));
    });
  }
}
