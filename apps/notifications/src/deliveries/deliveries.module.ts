import { Module, type DynamicModule } from '@nestjs/common';
import { Mailer } from '../mail/mailer.js';
import { SignInLinks } from '../mail/sign-in-link.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryDispatcher, DISPATCH_OPTIONS, type DispatchOptions } from './delivery-dispatcher.js';
import { DEFAULT_MAIL_RETRY_DELAYS_MS } from './delivery.rules.js';
import { MailQueueMetrics } from './mail-queue.metrics.js';
import { MailQueueRepository } from './mail-queue.repository.js';
import { ParticipantEventsHandler } from './participant-events.handler.js';

export interface DeliveriesOptions {
  /** Waits between attempts at one e-mail; tests make them short. */
  mailRetryDelaysMs?: readonly number[];
  /** How long a claimed e-mail stays with its dispatcher (MAIL_SEND_LEASE_MS). */
  mailSendLeaseMs: number;
}

/** The delivery log, the mailer and the dispatcher that sends what the log queues, for every capability that sends e-mail. */
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
      global: true,
      controllers: [DeliveriesController, ParticipantEventsHandler],
      providers: [
        Mailer,
        SignInLinks,
        DeliveriesService,
        DeliveryDispatcher,
        { provide: DISPATCH_OPTIONS, useValue: dispatch },
        MailQueueRepository,
        MailQueueMetrics,
      ],
      exports: [DeliveriesService],
    };
  }
}
