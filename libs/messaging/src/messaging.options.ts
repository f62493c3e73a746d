import type { Producer } from '#contracts';
import type { RetentionOptions } from './retention.js';

export interface MessagingOptions {
  /** The service's name; it names its queues (`mission-hub.<service>`). */
  service: string;
  /** The producer this service publishes events as; without it the service has no outbox. */
  producer?: Producer;
  rabbitmqUrl: string;
  /** The topic exchange all events go through. */
  exchange: string;
  relay?: OutboxRelayOptions;
  retention?: RetentionOptions;
}

export interface OutboxRelayOptions {
  /** Rows published per transaction (default 500). */
  batchSize?: number;
  /** How often the relay looks for rows without being woken: rows an instance that stopped left unpublished (default 1000 ms). */
  pollIntervalMs?: number;
  /** How long a publish may wait for the broker's confirm before the batch is retried (default 5000 ms). */
  publishTimeoutMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
