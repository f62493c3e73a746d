import type { Metrics } from '#common';
import { eventCatalogue } from '#contracts';
import type { Counter, Histogram } from 'prom-client';

/**
 * What the event consumer records: each handling's duration and failures, by event type and
 * handler (the `@EventPattern` the transport dispatched to: every handler of that pattern runs
 * in it), and the messages it moved to a retry queue or the dead-letter queue.
 */
export class ConsumerMetrics {
  private readonly handling: Histogram<'type' | 'handler' | 'outcome'>;
  private readonly failures: Counter<'type' | 'handler'>;
  private readonly retries: Counter<'type'>;
  private readonly deadLetters: Counter<'type'>;

  constructor(metrics: Metrics) {
    this.handling = metrics.histogram('mission_hub_event_handling_duration_seconds', 'Event handlings by type, handler and outcome (handled, failed)', [
      'type',
      'handler',
      'outcome',
    ]);
    this.failures = metrics.counter('mission_hub_event_handling_failures_total', 'Event handlings that failed (retried or dead-lettered after)', [
      'type',
      'handler',
    ]);
    this.retries = metrics.counter('mission_hub_event_retries_total', 'Messages put on a retry queue, by event type', ['type']);
    this.deadLetters = metrics.counter('mission_hub_events_dead_lettered_total', 'Messages moved to the dead-letter queue, by event type', ['type']);
  }

  /** Starts timing one handling; the returned function records its end. */
  handlingStarted(type: string, handler: string): (outcome: 'handled' | 'failed') => void {
    const stop = this.handling.startTimer({ type, handler });
    return (outcome) => {
      stop({ outcome });
      if (outcome === 'failed') this.failures.inc({ type, handler });
    };
  }

  retried(routingKey: string): void {
    this.retries.inc({ type: knownType(routingKey) });
  }

  deadLettered(routingKey: string): void {
    this.deadLetters.inc({ type: knownType(routingKey) });
  }
}

/** A routing key is whatever a publisher sent: only the catalogue's types become label values. */
function knownType(routingKey: string): string {
  return Object.hasOwn(eventCatalogue, routingKey) ? routingKey : 'unknown';
}
