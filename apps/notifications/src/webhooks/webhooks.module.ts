import { Module } from '@nestjs/common';
import { WebhookDispatchService } from './webhook-dispatch.service.js';
import { WebhookEventsHandler } from './webhook-events.handler.js';
import { WebhookRetention } from './webhook.retention.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

/** Outbound webhooks: organisers' endpoints, the queueing of every event for them, the dispatcher, the logs and their retention. */
@Module({
  controllers: [WebhooksController, WebhookEventsHandler],
  providers: [WebhooksRepository, WebhooksService, WebhookDispatchService, WebhookRetention],
})
export class WebhooksModule {}
