import type { Metrics } from '#common';
import type { ModulesContainer } from '@nestjs/core';
import { eventCatalogue } from '#contracts';
import type { Counter, Histogram } from 'prom-client';

/**
 * What the event consumer records: each handling's duration and failures, by event type and
 * handler (`Class.method` of the `@EventPattern` methods the transport dispatched to: Nest chains
 * every handler of one pattern into one), the messages it moved to a retry queue or the
 * dead-letter queue, and how many it holds unsettled now (a handler stuck on a lock shows there).
 */
export class ConsumerMetrics {
  private readonly handling: Histogram<'type' | 'handler' | 'outcome'>;
  private readonly failures: Counter<'type' | 'handler'>;
  private readonly retries: Counter<'type'>;
  private readonly deadLetters: Counter<'type'>;

  /** `inFlight`: the messages received from the broker and not yet acked, retried or dead-lettered. */
  constructor(metrics: Metrics, inFlight: () => number) {
    metrics.gauge('mission_hub_events_in_flight', 'Messages received from the broker and not yet acked, retried or dead-lettered', [], (set) =>
      set(inFlight()),
    );
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
/** Where Nest's `@EventPattern` keeps its patterns (PATTERN_METADATA of @nestjs/microservices/constants). */
const PATTERN_METADATA = 'microservices:pattern';

/** Each pattern's handlers by name (`MissionEventsHandler.onMissionCreated`), read from the application's controllers once. */
export function handlerNames(modules: ModulesContainer): Map<string, string> {
  const names = new Map<string, string[]>();
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type?.prototype) continue;
      for (const method of Object.getOwnPropertyNames(type.prototype)) {
        const target: unknown = Object.getOwnPropertyDescriptor(type.prototype, method)?.value;
        if (typeof target !== 'function') continue;
        const patterns = Reflect.getMetadata(PATTERN_METADATA, target) as unknown[] | undefined;
        for (const pattern of patterns ?? []) {
          if (typeof pattern === 'string') names.set(pattern, [...(names.get(pattern) ?? []), `${type.name}.${method}`]);
        }
      }
    }
  }
  return new Map([...names].map(([pattern, handlers]) => [pattern, handlers.join('+')]));
}

function knownType(routingKey: string): string {
  return Object.hasOwn(eventCatalogue, routingKey) ? routingKey : 'unknown';
}
