/** Headers the backbone puts on messages it moves between a service's queues. */
export const MessageHeaders = {
  /** Why a message is in the dead-letter queue. */
  deathReason: 'x-death-reason',
  /**
   * The event type the message was first published under: retried and dead-lettered copies travel
   * through the default exchange, where the routing key is the queue's name.
   */
  originalRoutingKey: 'x-original-routing-key',
  /** How many times the message has been put on a retry queue. */
  retryCount: 'x-retry-count',
} as const;

/** Headers the broker manages; copying them onto a republished message would only mislead. */
export const BROKER_HEADERS = [
  'x-death',
  'x-delivery-count',
  'x-first-death-exchange',
  'x-first-death-queue',
  'x-first-death-reason',
  'x-last-death-exchange',
  'x-last-death-queue',
  'x-last-death-reason',
];
