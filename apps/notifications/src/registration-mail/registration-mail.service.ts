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
   * caller's inbox work (see DeliveryDispatcher), with the caller's own write (`alongside`) in the
   * same statement, or that write alone. The caller holds the participant's erasure lock (sent with
   * this statement); the queueing skips an erased participant, and so must `alongside`.
   */
  async queue(manager: EntityManager, event: CloudEvent, alongside: { sql: string; parameters: unknown[] }): Promise<void> {
    const mail = mailEvents.has(event.type)
      ? composeRegistrationMail(event.type as RegistrationMailEvent, (event as CloudEvent<RegistrationMailEvent>).data)
      : null;
    const { data } = event as CloudEvent<RegistrationMailEvent>;
    const mails = mail ? [{ ...mail, missionId: data.missionId, recipientRegistrationId: data.registrationId }] : [];
    await this.deliveries.deliver(manager, event, mails, { erasureLocksHeld: true, alongside });
  }
}
