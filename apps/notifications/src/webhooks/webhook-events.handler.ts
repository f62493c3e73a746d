import type { CloudEvent } from '#contracts';
import { subscriptions } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { WebhooksService } from './webhooks.service.js';

/**
 * Every pattern of notifications' row (`#` among them): Nest runs this handler beside any other of
 * the same pattern, and `#` takes the types no other handler has, so every event comes here once.
 */
const everyPattern = [...new Set<string>(subscriptions.notifications)];

/** Every event notifications receives, for the webhook endpoints that subscribe to it (docs/DESIGN.md, Webhooks). */
@Controller()
export class WebhookEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly webhooks: WebhooksService,
  ) {}

  @EventPattern(everyPattern)
  async onEvent(@Payload() event: CloudEvent): Promise<void> {
    // An erasure is recorded whether or not anything subscribes: it decides what is sent later.
    if (event.type === 'participant.erased') {
      const { registrationId } = (event as CloudEvent<'participant.erased'>).data;
      await this.inbox.handleAlone(event, 'notifications.webhook-erasure', (unit) => this.webhooks.erase(unit, registrationId));
    }
    // Idempotent (once per endpoint and event by its keys): in the message's batch, beside the mail kinds' handler.
    await this.inbox.apply(async (unit) => this.webhooks.queue(unit, event));
  }
}
