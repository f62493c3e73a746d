import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { composeRegistrationMail, registrationMailEvents, type RegistrationMailEvent } from './registration-mail.js';

const mailEvents = new Set<string>(registrationMailEvents);

@Injectable()
export class RegistrationMailService {
  constructor(private readonly deliveries: DeliveriesService) {}

  /**
   * Queues the participant's e-mail about the outcome `event` announces, if it calls for one, in the
   * caller's inbox work (see DeliveryDispatcher). The caller holds the participant's erasure lock
   * and has found them not erased.
   */
  async queue(manager: EntityManager, event: CloudEvent): Promise<void> {
    if (!mailEvents.has(event.type)) return;
    const { data } = event as CloudEvent<RegistrationMailEvent>;
    const mail = composeRegistrationMail(event.type as RegistrationMailEvent, data);
    if (!mail) return;
    await this.deliveries.deliver(manager, event, [{ ...mail, missionId: data.missionId, recipientRegistrationId: data.registrationId }], {
      erasureLocksHeld: true,
    });
  }
}
