import { Module, type DynamicModule } from '@nestjs/common';
import { MailerService } from '../mail/mailer.service.js';
import { SignInLinksService } from '../mail/sign-in-links.service.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesRepository } from './deliveries.repository.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryDispatchService, DISPATCH_OPTIONS, type DispatchOptions } from './delivery-dispatch.service.js';
import { DEFAULT_MAIL_RETRY_DELAYS_MS } from './delivery.rules.js';
import { MailEventsHandler } from './mail-events.handler.js';
import { MailQueueMetrics } from './mail-queue.metrics.js';
import { MailQueueRepository } from './mail-queue.repository.js';
import { ParticipantEventsHandler } from './participant-events.handler.js';

export interface DeliveriesOptions {
  /** Waits between attempts at one e-mail; tests make them short. */
  mailRetryDelaysMs?: readonly number[];
  /** How long a claimed e-mail stays with its dispatcher (MAIL_SEND_LEASE_MS). */
  mailSendLeaseMs: number;
}

/** The delivery log, the one handler of every mail kind's events, the mailer and the dispatcher that sends what the log queues. */
@Module({})
export class DeliveriesModule {
  static forRoot(options: DeliveriesOptions): DynamicModule {
    const dispatch: DispatchOptions = {
      retryDelaysMs: options.mailRetryDelaysMs ?? DEFAULT_MAIL_RETRY_DELAYS_MS,
      batchSize: 20,
      concurrent: 2,
      pollIntervalMs: 1000,
      leaseMs: options.mailSendLeaseMs,
    };
    return {
      module: DeliveriesModule,
      imports: [ParticipantsModule],
      controllers: [DeliveriesController, MailEventsHandler, ParticipantEventsHandler],
      providers: [
        MailerService,
        SignInLinksService,
        DeliveriesRepository,
        DeliveriesService,
        DeliveryDispatchService,
        { provide: DISPATCH_OPTIONS, useValue: dispatch },
        MailQueueRepository,
        MailQueueMetrics,
      ],
      exports: [DeliveriesService, DeliveriesRepository],
    };
  }
}
