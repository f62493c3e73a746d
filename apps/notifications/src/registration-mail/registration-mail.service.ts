import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { composeRegistrationMail, type RegistrationMailEvent } from './registration-mail.js';

@Injectable()
export class RegistrationMailService {
  constructor(
    private readonly inbox: InboxService,
    private readonly deliveries: DeliveriesService,
  ) {}

  /** Tells the participant the outcome of their registration, once (see DeliveryDispatcher). */
  async notify(event: CloudEvent<RegistrationMailEvent>): Promise<void> {
    const mail = composeRegistrationMail(event.type, event.data);
    if (!mail) return;
    await this.inbox.handle(event, 'notifications.registration-mail', (manager) =>
      this.deliveries.deliver(manager, event, [{ ...mail, missionId: event.data.missionId, recipientRegistrationId: event.data.registrationId }]),
    );
  }
}
