import type { CloudEvent } from '#contracts';
import { eventCatalogue, subscriptions } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { WebhooksService } from './webhooks.service.js';

/**
 * Every pattern of notifications' row (every type another service produces among them): Nest runs
 * this handler beside any other of the same pattern, so every event comes here once.
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
    // Both idempotent (an erasure recorded once, once per endpoint and event by its keys): in the message's
    // batch, beside the mail kinds' handler. The erasure must be: in a transaction of its own it would wait
    // on the shared erasure lock that queueing an earlier message of the same batch holds until the batch
    // commits, which waits for it (docs/DESIGN.md, Webhooks, Erasure).
    await this.inbox.apply(async (unit) => {
      // An erasure is recorded whether or not anything subscribes: it decides what is sent later.
      if (event.type === 'participant.erased') await this.webhooks.erase(unit, (event as CloudEvent<'participant.erased'>).data.registrationId);
      // Its own event (the one it consumes, for its e-mail) was queued for webhooks as its relay published it.
      if (eventCatalogue[event.type]?.producer !== 'notifications') this.webhooks.queue(unit, event);
    });
  }
}
