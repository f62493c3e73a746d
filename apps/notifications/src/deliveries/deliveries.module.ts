import { Module, type DynamicModule } from '@nestjs/common';
import { Mailer } from '../mail/mailer.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService, MAIL_RETRY_DELAYS } from './deliveries.service.js';
import { DEFAULT_MAIL_RETRY_DELAYS_MS } from './delivery.rules.js';
import { ParticipantEventsHandler } from './participant-events.handler.js';

export interface DeliveriesOptions {
  /** Waits between attempts at one e-mail; tests make them short. */
  mailRetryDelaysMs?: readonly number[];
}

/** The delivery log and the mailer, for every capability that sends e-mail. */
@Module({})
export class DeliveriesModule {
  static forRoot(options: DeliveriesOptions = {}): DynamicModule {
    return {
      module: DeliveriesModule,
      global: true,
      controllers: [DeliveriesController, ParticipantEventsHandler],
      providers: [Mailer, DeliveriesService, { provide: MAIL_RETRY_DELAYS, useValue: options.mailRetryDelaysMs ?? DEFAULT_MAIL_RETRY_DELAYS_MS }],
      exports: [DeliveriesService],
    };
  }
}
