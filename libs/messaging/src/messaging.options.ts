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
  /** The service's Postgres schema; the outbox's notification channel is named after it. */
  schema: string;
  relay?: OutboxRelayOptions;
  retention?: RetentionOptions;
}

export interface OutboxRelayOptions {
  /** Rows published per transaction (default 500). */
  batchSize?: number;
  /** Safety net for a lost notification (default 1000 ms). */
  pollIntervalMs?: number;
  /** How long a publish may wait for the broker's confirm before the batch is retried (default 5000 ms). */
  publishTimeoutMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
