import { SERVICE_CONFIG, type ServiceConfig } from '#common';
import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Inject, Injectable } from '@nestjs/common';
import { deliveriesRepository } from '../deliveries/deliveries.repository.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { participantDirectoryRepository } from '../participants/participant-directory.repository.js';
import { composeAccessMail, type AccessMailEvent } from './access-mail.js';

@Injectable()
export class AccessMailService {
  constructor(
    private readonly inbox: InboxService,
    private readonly deliveries: DeliveriesService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /**
   * Keeps the registration's new link generation (so every mail from now on carries a link of it) and
   * queues the sign-in link mail, once per event. A participant the directory does not know yet (their
   * registration's event is still on its way) is tried again later; an erased one is mailed nothing.
   */
  async send(event: CloudEvent<AccessMailEvent>): Promise<void> {
    const { registrationId, missionId, linkGeneration } = event.data;
    await this.inbox.handle(event, 'notifications.access-mail', async ({ manager }) => {
      deliveriesRepository.lockErasure(manager, registrationId);
      const participant = await participantDirectoryRepository.takeLinkGeneration(manager, registrationId, linkGeneration);
      if (!participant) {
        if (await deliveriesRepository.isErased(manager, registrationId)) return;
        throw new Error(`registration ${registrationId} is not in the participant directory yet`);
      }
      const mail = composeAccessMail(event.type, participant, this.config.participantLinkDays);
      await this.deliveries.deliver(manager, event, [{ ...mail, missionId, recipientRegistrationId: registrationId }], { erasureLocksHeld: true });
    });
  }
}
